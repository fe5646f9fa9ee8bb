using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>Real-world shapes beyond the textbook: relative links, missing ids, bare fragments, stray bytes.</summary>
public sealed class FeedParserShapeTests
{

    private static Aggregator.Core.Items.ParsedFeed Parse(string text, Uri? documentUri = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(text), null, documentUri);

    [Fact]
    public void Relative_links_resolve_against_xml_base()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://site.example.org/blog/">
              <title>B</title><link href="./"/>
              <entry xml:base="2024/"><title>E</title><id>e1</id><link href="post.html"/></entry>
            </feed>
            """);

        feed.Link.ShouldBe("https://site.example.org/blog/");
        feed.Items[0].Link.ShouldBe("https://site.example.org/blog/2024/post.html");
    }

    [Fact]
    public void Relative_links_resolve_against_the_document_url_when_the_feed_has_no_absolute_link()
    {
        var feed = Parse(
            """<rss version="2.0"><channel><title>R</title><link>/</link><item><title>i</title><link>/a/b</link></item></channel></rss>""",
            new Uri("https://origin.example.org/feeds/rss.xml"));

        feed.Link.ShouldBe("https://origin.example.org/");
        feed.Items[0].Link.ShouldBe("https://origin.example.org/a/b");
    }

    [Fact]
    public void Json_feed_items_without_id_are_kept_and_keyed_by_url()
    {
        var feed = Parse("""
            {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[
              {"url":"https://j.example.org/1","title":"no id"},
              {"id":"x","url":"https://j.example.org/2","title":"with id"}]}
            """);

        feed.Items.Count.ShouldBe(2);
        feed.Items[0].Id.ShouldBeNull();
        feed.Items[0].Key.ShouldBe("https://j.example.org/1");
        feed.Items[1].Key.ShouldBe("x");
    }

    [Fact]
    public void Lone_atom_entry_is_a_feed_of_one()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <entry xmlns="http://www.w3.org/2005/Atom"><title>Solo</title><id>urn:solo</id><updated>2024-05-05T05:05:05Z</updated></entry>
            """);

        feed.Format.ShouldBe("atom1.0");
        feed.Items.ShouldHaveSingleItem().Key.ShouldBe("urn:solo");
        feed.Items[0].Updated.ShouldBe(new DateTimeOffset(2024, 5, 5, 5, 5, 5, TimeSpan.Zero));
    }

    [Fact]
    public void Rss_item_dated_only_by_dublin_core_gets_its_date()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>D</title>
            <item><title>i</title><guid>g</guid><dc:date>2023-01-03T15:00:00Z</dc:date></item></channel></rss>
            """);

        feed.Items[0].Published.ShouldBe(new DateTimeOffset(2023, 1, 3, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void White_space_before_the_xml_declaration_and_stray_control_characters_are_tolerated()
    {
        var feed = Parse("\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bad\u000Bbytes\u0001</title></channel></rss>");

        feed.Title.ShouldBe("Badbytes");
    }

    [Fact]
    public void Bare_ampersands_are_escaped_outside_cdata_only()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>AT&T &nbsp;News</title>
            <item><title>Q&A</title><link><![CDATA[https://x.example.org/?a=1&b=2]]></link></item></channel></rss>
            """);

        feed.Title.ShouldBe("AT&T News");
        feed.Items[0].Title.ShouldBe("Q&A");
        feed.Items[0].Link.ShouldBe("https://x.example.org/?a=1&b=2");
    }

    [Fact]
    public void A_permalink_guid_stands_in_for_a_missing_link_and_dc_title_for_a_missing_title()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>P</title>
            <item><guid>https://p.example.org/1</guid><dc:title>From DC</dc:title></item>
            <item><guid isPermaLink="false">https://p.example.org/2</guid><title>Not a link</title></item>
            </channel></rss>
            """);

        feed.Items[0].Link.ShouldBe("https://p.example.org/1");
        feed.Items[0].Title.ShouldBe("From DC");
        feed.Items[1].Link.ShouldBeNull();
    }

    [Fact]
    public void Rss_without_channel_is_a_clear_error()
    {
        Should.Throw<FeedFormatException>(() => Parse("<rss version=\"2.0\"></rss>"))
            .Message.ShouldBe("not a feed: <rss> has no <channel> element");
    }

    [Fact]
    public void Items_sharing_a_guid_get_distinct_keys_that_survive_a_repoll()
    {
        const string xml = """
            <rss version="2.0"><channel><title>Dup</title>
            <item><title>Story A</title><guid>same</guid><link>https://d.example.org/a</link></item>
            <item><title>Story B</title><guid>same</guid><link>https://d.example.org/b</link></item>
            </channel></rss>
            """;

        var first = Parse(xml).Items.Select(i => i.Key).ToList();
        var second = Parse(xml).Items.Select(i => i.Key).ToList();

        first.Distinct().Count().ShouldBe(2);
        first.ShouldAllBe(k => k.StartsWith("same#", StringComparison.Ordinal));
        second.ShouldBe(first);
    }
}
