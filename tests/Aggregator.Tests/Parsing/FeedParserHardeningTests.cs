using System.Net;
using System.Net.Sockets;
using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>Hostile documents: nothing declared in a DTD is expanded, nothing outside the body is read.</summary>
public sealed class FeedParserHardeningTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public FeedParserHardeningTests() => _listener.Start();

    private string ListenerUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public void Dispose() => _listener.Dispose();

    private static FeedFormatException Refused(string text) =>
        Should.Throw<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Billion_laughs_is_refused_without_expansion()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"").Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\n");
        }
        sb.Replace("&lol0;", "&lol;").Append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        // The bound only guards against a hang; an expanding parser would need gigabytes first.
        var ex = Should.Throw<FeedFormatException>(
            () => Task.Run(() => FeedParser.Parse(Encoding.UTF8.GetBytes(sb.ToString())), TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).GetAwaiter().GetResult());

        ex.Message.ShouldBe("refused: the document's DOCTYPE declares entities (entity expansion and external entities are not allowed)");
        ex.Message.ShouldNotContain("lollol");
    }

    [Fact]
    public void Quadratic_blowup_is_refused()
    {
        var big = new string('x', 100_000);
        var refs = string.Concat(Enumerable.Repeat("&a;", 10_000));

        Refused($"<!DOCTYPE rss [<!ENTITY a \"{big}\">]><rss version=\"2.0\"><channel><title>{refs}</title></channel></rss>")
            .Message.ShouldStartWith("refused: the document's DOCTYPE declares entities");
    }

    [Fact]
    public void External_file_entity_is_refused_and_never_read()
    {
        var ex = Refused("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """);

        ex.Message.ShouldStartWith("refused: the document's DOCTYPE declares entities");
        ex.Message.ShouldNotContain("root:");
    }

    [Fact]
    public void External_http_entity_is_never_fetched()
    {
        Refused($"""
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{ListenerUrl}secret">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """).Message.ShouldStartWith("refused:");

        _listener.Pending().ShouldBeFalse("the parser connected to the entity's URL");
    }

    [Fact]
    public void Parameter_entities_are_refused()
    {
        Refused($"""
            <!DOCTYPE rss [<!ENTITY % remote SYSTEM "{ListenerUrl}evil.dtd"> %remote;]>
            <rss version="2.0"><channel><title>t</title></channel></rss>
            """).Message.ShouldStartWith("refused:");

        _listener.Pending().ShouldBeFalse("the parser fetched the parameter entity");
    }

    [Fact]
    public void External_dtd_is_skipped_and_never_fetched()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes($"""
            <!DOCTYPE rss SYSTEM "{ListenerUrl}rss.dtd">
            <rss version="2.0"><channel><title>Plain</title><item><title>i</title><guid>1</guid></item></channel></rss>
            """));

        feed.Title.ShouldBe("Plain");
        _listener.Pending().ShouldBeFalse("the parser fetched the external DTD");
    }

    [Fact]
    public void Entity_declared_in_an_external_dtd_stays_unexpanded()
    {
        var ex = Refused($"""
            <!DOCTYPE rss SYSTEM "{ListenerUrl}rss.dtd">
            <rss version="2.0"><channel><title>&fromdtd;</title></channel></rss>
            """);

        ex.Message.ShouldStartWith("not well-formed XML at line 2");
        ex.Message.ShouldContain("fromdtd");
        _listener.Pending().ShouldBeFalse();
    }
}
