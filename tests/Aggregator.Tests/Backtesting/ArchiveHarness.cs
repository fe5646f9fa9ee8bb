using System.Text;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Backtesting;

/// <summary>
/// Four loopback feeds polled once by the real pipeline into a SQLite state: <c>desk</c> and <c>sport</c> alert from their
/// first poll, <c>old</c> serves an item dated a month before the poll, <c>quiet</c> is polled first as a baseline. One
/// rule, <c>troops AND border</c>, watches every feed but <c>sport</c> and notifies <c>ann</c>.
/// </summary>
internal sealed class ArchiveHarness : IAsyncDisposable
{
    private readonly FeedServer _desk = new("Desk");
    private readonly FeedServer _sport = new("Sport");
    private readonly FeedServer _quiet = new("Quiet");
    private readonly LoopbackHttpServer _old;

    private ArchiveHarness(TempDirectory dir)
    {
        Directory = dir;
        _desk.SetItems(
            ("desk-a", "Troops at the border", "Battalions moved overnight."),
            ("desk-b", "Troops on parade", "A parade in the capital."),
            ("desk-c", "Border talks resume", "Talks about the crossing."));
        _sport.SetItems(("sport-d", "Troops and border fans", "A match at the border."));
        _quiet.SetItems(("quiet-e", "Troops seen at the border", "Reported before anyone watched."));
        var published = new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        var oldFeed = Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Old</title><link>https://news.example.org/</link><description>d</description>
            <item><title>Troops at the border last month</title><link>https://news.example.org/old-f</link><guid isPermaLink="false">old-f</guid>
            <pubDate>{published}</pubDate><description>An old report.</description></item></channel></rss>
            """);
        _old = new LoopbackHttpServer(async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.OutputStream.WriteAsync(oldFeed);
            context.Response.Close();
        });
    }

    public TempDirectory Directory { get; }
    public PipelineHarness Pipeline { get; private set; } = null!;

    /// <summary>Polls every feed once (the fake clock at 2026-11-27 10:00 UTC); the state is <c>state.db</c>, the config <c>config/</c>.</summary>
    public static async Task<ArchiveHarness> CreateAsync(TempDirectory dir, CancellationToken cancellationToken)
    {
        var harness = new ArchiveHarness(dir);
        harness.Pipeline = await PipelineHarness.CreateAsync(dir, $"""
            feeds:
              - id: desk
                url: {harness._desk.FeedUrl}
                firstPoll: notify
              - id: sport
                url: {harness._sport.FeedUrl}
                firstPoll: notify
              - id: old
                url: {harness._old.BaseUrl}feed.xml
                firstPoll: notify
              - id: quiet
                url: {harness._quiet.FeedUrl}
            rules:
              - id: troops-at-border
                query: troops AND border
                feeds: [desk, old, quiet]
                notify: [ann]
            subscribers:
              - id: ann
                email: [ann@example.org]
            """, cancellationToken);
        foreach (var feed in new[] { "desk", "sport", "old", "quiet" })
            (await harness.Pipeline.Poller.PollAsync(feed, cancellationToken)).Outcome.ShouldBe(Aggregator.Storage.PollOutcome.Parsed);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (Pipeline is not null) await Pipeline.DisposeAsync();
        await _desk.DisposeAsync();
        await _sport.DisposeAsync();
        await _quiet.DisposeAsync();
        await _old.DisposeAsync();
    }
}
