using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedParserErrorTests
{

    private static FeedFormatException Refused(string text) =>
        Should.Throw<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Html_page_error_names_the_feed_it_advertises()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Blog</title>
            <link rel="stylesheet" href="/site.css">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="https://blog.example.org/feed.xml">
            </head><body><p>Hello</body></html>
            """;

        var ex = Refused(html);

        ex.Message.ShouldBe("not a feed: an HTML page; it advertises a feed at https://blog.example.org/feed.xml");
    }

    [Fact]
    public void Html_page_without_feed_link_says_so()
    {
        Refused("<html><head><title>x</title></head><body>no feeds</body></html>")
            .Message.ShouldBe("not a feed: an HTML page (it advertises no feed link)");
    }

    [Fact]
    public void Xhtml_page_is_recognised_by_its_root_element()
    {
        const string xhtml = """
            <?xml version="1.0"?>
            <!-- a comment first -->
            <html xmlns="http://www.w3.org/1999/xhtml"><head>
            <link type="application/atom+xml" rel="alternate feed" href="/atom.xml"/></head><body/></html>
            """;

        Refused(xhtml).Message.ShouldBe("not a feed: an HTML page; it advertises a feed at /atom.xml");
    }

    [Fact]
    public void Truncated_xml_reports_line_and_column()
    {
        const string truncated = "<rss version=\"2.0\">\n<channel>\n<title>Cut</title>\n<item><title>half";

        var ex = Refused(truncated);

        ex.Message.ShouldStartWith("not well-formed XML at line 4, column ");
        ex.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Mismatched_tags_report_line_and_column()
    {
        var ex = Refused("<rss version=\"2.0\"><channel>\n  <title>x</titel></channel></rss>");

        ex.Message.ShouldStartWith("not well-formed XML at line 2, column ");
        ex.Message.ShouldContain("titel");
    }

    [Fact]
    public void Empty_body_is_a_clear_error()
    {
        Should.Throw<FeedFormatException>(() => FeedParser.Parse(ReadOnlyMemory<byte>.Empty))
            .Message.ShouldBe("empty document: the response body has 0 bytes");
        Refused("  \r\n\t ").Message.ShouldStartWith("empty document:");
    }

    [Fact]
    public void Xml_that_is_not_a_feed_names_its_root()
    {
        Refused("<note><to>x</to></note>").Message.ShouldBe("not a feed: the root element is <note>, not rss, feed or rdf:RDF");
    }

    [Fact]
    public void Json_that_is_not_a_json_feed_is_refused()
    {
        Refused("{\"hello\": 1}").Message.ShouldBe("not a feed: a JSON document without a JSON Feed \"version\"");
        Refused("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [").Message.ShouldStartWith("not valid JSON at line 1");
    }

    [Fact]
    public void Binary_data_is_not_a_feed()
    {
        var gzip = new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0x56 };

        Should.Throw<FeedFormatException>(() => FeedParser.Parse(gzip))
            .Message.ShouldBe("not a feed: the body is neither XML nor JSON (binary or compressed data?)");
    }

    [Fact]
    public void Undeclared_entity_is_refused()
    {
        Refused("<rss version=\"2.0\"><channel><title>&bogus;</title></channel></rss>")
            .Message.ShouldContain("bogus");
    }
}
