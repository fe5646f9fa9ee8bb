using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;
using Aggregator.Delivery;
using Aggregator.Delivery.Email;
using Aggregator.PublicPages;
using BenchmarkDotNet.Attributes;
using Ganss.Xss;

namespace Aggregator.Benchmarks.Delivery;

/// <summary>
/// The CPU of one alert mail: rendering its text and HTML, composing and writing the MIME message as it is sent
/// (the HTML recognised as the renderer's own), and, for comparison, the full sanitiser over the same HTML, which
/// every mail went through before. A real Guardian item of typical length, one rule, the subscriber's links.
/// </summary>
[MemoryDiagnoser]
public class ComposeBenchmarks
{
    private const string Summary = "Report says children have been subjected to sexual violence, and open letter calls on UK to act more "
        + "quickly Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit crimes by "
        + "traffickers, according to a Unicef report. The document, which draws on six months of interviews and is due to be "
        + "published on Wednesday, found that children were being forced into sex work and petty crime.";

    private static readonly SmtpOptions Smtp = new() { From = "Aggregator <alerts@example.org>" };
    private static readonly SubscriberDefinition Desk = new() { Id = "desk", Email = ["desk@example.org"] };

    private readonly HtmlSanitizer _sanitizer = EmailSanitizer.Create();
    private EmailComposer _composer = null!;
    private DeliveryEnvelope _envelope = null!;
    private Alert _alert = null!;

    [GlobalSetup]
    public void Setup()
    {
        var item = new FeedItem("key-1", "id-1", "Traffickers exploiting young refugees in French camps, says Unicef",
            "https://www.theguardian.com/world/2016/jun/14/traffickers-exploiting-young-refugees-french-camps-unicef?utm_source=rss",
            new DateTimeOffset(2016, 6, 14, 6, 0, 0, TimeSpan.Zero), null, Summary, "", ["Guardian staff"], ["World news"]);
        var index = RuleIndex.Build([new RuleDefinition("children-europe", "child AND (refugee OR traffickers)", null)]);
        var feed = new FeedRef("guardian-world", "World news | The Guardian", "https://www.theguardian.com/world/rss");
        _alert = new Alert(AlertIds.For("desk", feed.Id, item.Key), "desk", feed, item, index.Match(item, feed.Id, feed.Title, null), DateTimeOffset.UnixEpoch);
        _envelope = new DeliveryEnvelope("m1", Desk, [_alert], false, DateTimeOffset.UnixEpoch);
        var config = new AggregatorConfig
        {
            Directory = Path.GetTempPath(),
            Settings = new SettingsOptions { Public = new PublicOptions { BaseUrl = "https://alerts.example.org", LinkSecret = new string('s', 32) } },
        };
        _composer = new EmailComposer(new SubscriberLinks(new ActiveConfig(ConfigSnapshot.Create(config))));
        if (!RenderedHtml.IsOwn(_composer.Compose(_envelope, Smtp).HtmlBody ?? "")) throw new InvalidOperationException("the rendered HTML should be recognised");
    }

    [Benchmark]
    public EmailContent Render() => AlertMessage.Email(_alert);

    [Benchmark(Baseline = true)]
    public long ComposeAndWrite()
    {
        using var stream = new CountingStream();
        _composer.Compose(_envelope, Smtp).WriteTo(stream);
        return stream.Length;
    }

    [Benchmark]
    public string RenderAndSanitise() => _sanitizer.SanitizeDocument(AlertMessage.Email(_alert).HtmlBody);

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
