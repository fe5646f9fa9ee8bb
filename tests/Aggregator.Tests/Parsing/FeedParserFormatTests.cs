using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedParserFormatTests
{

    [Fact]
    public void Rss20_items_are_plain_text_with_utc_dates_and_absolute_links()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Border &amp; Coast <![CDATA[<b>News</b>]]></title>
                <link>https://news.example.org/</link>
                <item>
                  <title>Troops &lt;em&gt;massing&lt;/em&gt;   at the border</title>
                  <link>/2024/troops</link>
                  <guid isPermaLink="false">item-1</guid>
                  <pubDate>Tue, 05 Mar 2024 10:15:00 +0100</pubDate>
                  <description><![CDATA[<p>First&nbsp;paragraph.</p><p>Second <a href="x">link</a>.</p>]]></description>
                  <dc:creator>Ann Writer</dc:creator>
                  <category>World</category>
                  <category>Europe</category>
                </item>
                <item>
                  <title>No guid here</title>
                  <link>https://news.example.org/2</link>
                </item>
              </channel>
            </rss>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Format.ShouldBe("rss2.0");
        feed.Title.ShouldBe("Border & Coast News");
        feed.Link.ShouldBe("https://news.example.org/");
        feed.Items.Count.ShouldBe(2);
        var first = feed.Items[0];
        first.Key.ShouldBe("item-1");
        first.Id.ShouldBe("item-1");
        first.Title.ShouldBe("Troops massing at the border");
        first.Link.ShouldBe("https://news.example.org/2024/troops");
        first.Published.ShouldBe(new DateTimeOffset(2024, 3, 5, 9, 15, 0, TimeSpan.Zero));
        first.Published!.Value.Offset.ShouldBe(TimeSpan.Zero);
        (first.Summary + first.Content).ShouldContain("First paragraph. Second link");
        first.Authors.ShouldContain("Ann Writer");
        first.Categories.ShouldBe(["World", "Europe"]);
        feed.Items[1].Id.ShouldBeNull();
        feed.Items[1].Key.ShouldBe("https://news.example.org/2");
    }

    [Fact]
    public void Atom10_entries_keep_published_and_updated()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">Atom &lt;i&gt;Example&lt;/i&gt;</title>
              <link rel="alternate" href="https://atom.example.org/"/>
              <id>urn:feed</id>
              <updated>2024-01-02T00:00:00Z</updated>
              <entry>
                <title>Entry one</title>
                <id>urn:uuid:1</id>
                <link rel="alternate" href="https://atom.example.org/1"/>
                <published>2024-01-01T12:00:00-05:00</published>
                <updated>2024-01-02T08:30:00Z</updated>
                <author><name>Bo Author</name></author>
                <category term="tech"/>
                <summary>Short</summary>
                <content type="html">&lt;p&gt;Long &amp;amp; full&lt;/p&gt;</content>
              </entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Format.ShouldBe("atom1.0");
        feed.Title.ShouldBe("Atom Example");
        feed.Link.ShouldBe("https://atom.example.org/");
        var entry = feed.Items.ShouldHaveSingleItem();
        entry.Key.ShouldBe("urn:uuid:1");
        entry.Published.ShouldBe(new DateTimeOffset(2024, 1, 1, 17, 0, 0, TimeSpan.Zero));
        entry.Updated.ShouldBe(new DateTimeOffset(2024, 1, 2, 8, 30, 0, TimeSpan.Zero));
        entry.Summary.ShouldBe("Short");
        entry.Content.ShouldBe("Long & full");
        entry.Authors.ShouldBe(["Bo Author"]);
        entry.Categories.ShouldBe(["tech"]);
    }

    [Fact]
    public void Atom_plain_text_keeps_angle_brackets_that_html_would_lose()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>x &lt; y and y &gt; z</title>
              <entry><title type="text">History of the &lt;blink&gt;   tag</title><id>b</id>
                <content type="html">&lt;p&gt;Gone &lt;blink&gt;tag&lt;/blink&gt;&lt;/p&gt;</content></entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Title.ShouldBe("x < y and y > z");
        feed.Items[0].Title.ShouldBe("History of the <blink> tag");
        feed.Items[0].Content.ShouldBe("Gone tag");
    }

    [Fact]
    public void Atom03_is_named_by_its_namespace()
    {
        const string xml = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old atom</title>
              <link rel="alternate" type="text/html" href="https://old.example.org/"/>
              <entry><title>E</title><id>tag:old,1</id><link rel="alternate" href="https://old.example.org/e"/></entry>
            </feed>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Format.ShouldBe("atom0.3");
        feed.Items.ShouldHaveSingleItem().Title.ShouldBe("E");
    }

    [Fact]
    public void Rss10_rdf_items_are_read()
    {
        const string xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example.org/">
                <title>RDF site</title>
                <link>https://rdf.example.org/</link>
              </channel>
              <item rdf:about="https://rdf.example.org/a">
                <title>RDF item</title>
                <link>https://rdf.example.org/a</link>
                <dc:date>2023-06-01T10:00:00+02:00</dc:date>
                <dc:creator>Cy</dc:creator>
              </item>
            </rdf:RDF>
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Format.ShouldBe("rss1.0");
        feed.Title.ShouldBe("RDF site");
        var item = feed.Items.ShouldHaveSingleItem();
        item.Title.ShouldBe("RDF item");
        item.Link.ShouldBe("https://rdf.example.org/a");
        item.Key.ShouldBe("https://rdf.example.org/a");
        item.Published.ShouldBe(new DateTimeOffset(2023, 6, 1, 8, 0, 0, TimeSpan.Zero));
        item.Authors.ShouldBe(["Cy"]);
    }

    [Fact]
    public void Json_feed_is_detected_by_its_opening_brace()
    {
        const string json = """

              {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "JSON &amp; Co",
              "home_page_url": "https://json.example.org/",
              "items": [
                { "id": "j1", "url": "https://json.example.org/1", "title": "First <b>bold</b>",
                  "content_html": "<p>Hello&nbsp;world</p>", "date_published": "2024-02-03T04:05:06+02:00",
                  "date_modified": "2024-02-04T00:00:00Z", "authors": [{ "name": "Dee" }], "tags": ["a", "b"] },
                { "id": "j2", "content_text": "Plain body" }
              ]
            }
            """;

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(json));

        feed.Format.ShouldBe("jsonfeed");
        feed.Title.ShouldBe("JSON & Co");
        feed.Link.ShouldBe("https://json.example.org/");
        feed.Items.Count.ShouldBe(2);
        feed.Items[0].Title.ShouldBe("First bold");
        feed.Items[0].Content.ShouldBe("Hello world");
        feed.Items[0].Published.ShouldBe(new DateTimeOffset(2024, 2, 3, 2, 5, 6, TimeSpan.Zero));
        feed.Items[0].Updated.ShouldBe(new DateTimeOffset(2024, 2, 4, 0, 0, 0, TimeSpan.Zero));
        feed.Items[0].Authors.ShouldBe(["Dee"]);
        feed.Items[0].Categories.ShouldBe(["a", "b"]);
        feed.Items[1].Key.ShouldBe("j2");
        feed.Items[1].Content.ShouldBe("Plain body");
    }

    [Fact]
    public void Html_named_entities_that_xml_does_not_declare_are_decoded()
    {
        const string xml = """<rss version="2.0"><channel><title>Caf&eacute; &amp; Bar&nbsp;&copy;</title><item><title>&quot;Q&quot; &#8211; &#x41;</title><guid>g</guid></item></channel></rss>""";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Title.ShouldBe("Café & Bar ©");
        feed.Items[0].Title.ShouldBe("\"Q\" – A");
    }

    [Fact]
    public void Double_escaped_html_in_titles_becomes_plain_text()
    {
        const string xml = """<rss version="2.0"><channel><title>T</title><item><title>&lt;script&gt;alert(1)&lt;/script&gt;Safe &amp;amp; sound</title><guid>g</guid></item></channel></rss>""";

        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml));

        feed.Items[0].Title.ShouldBe("Safe & sound");
    }

    [Fact]
    public void Netscape_rss091_doctype_is_accepted_without_fetching_its_dtd()
    {
        const string xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Netscape</title><link>https://ns.example.org/</link>
            <item><title>Old school</title><link>https://ns.example.org/1</link></item></channel></rss>
            """;

        var feed = FeedParser.Parse(Encoding.Latin1.GetBytes(xml));

        feed.Format.ShouldBe("rss0.91");
        feed.Title.ShouldBe("Netscape");
        feed.Items.ShouldHaveSingleItem().Title.ShouldBe("Old school");
    }
}
