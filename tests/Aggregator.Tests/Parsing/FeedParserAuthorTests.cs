using System.Text;
using Aggregator.Core.Items;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// CONTRACT 3: an Atom entry without an author has its feed's author (RFC 4287 4.2.1, where an
/// atom:source's authors come first). RSS has no such rule and is left as written.
/// </summary>
public sealed class FeedParserAuthorTests
{

    /// <summary>Both ways a document is read (single pass from bytes, and the text path) must agree.</summary>
    private static ParsedFeed Parse(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var feed = FeedParser.Parse(bytes);
        var viaText = FeedParser.ParseText(bytes, null, null);
        viaText.Items.Select(i => i.Authors).ShouldBe(feed.Items.Select(i => i.Authors));
        return feed;
    }

    [Fact]
    public void Atom_entry_without_an_author_has_the_feeds_and_one_with_its_own_keeps_only_its_own()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Desk</title><id>urn:feed</id>
              <author><name>Feed Desk</name><email>desk@example.org</email></author>
              <entry><title>Inherits</title><id>urn:1</id></entry>
              <entry><title>Own</title><id>urn:2</id><author><name>Ann Writer</name></author></entry>
              <entry><title>Own, empty name</title><id>urn:3</id><author><name> </name><email>bo@example.org</email></author></entry>
            </feed>
            """);

        feed.Items[0].Authors.ShouldBe(["Feed Desk"]);
        feed.Items[1].Authors.ShouldBe(["Ann Writer"]);
        feed.Items[2].Authors.ShouldBe(["bo@example.org"]);
    }

    [Fact]
    public void Every_feed_author_is_inherited_in_order_by_name_or_else_email()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Desk</title><id>urn:feed</id>
              <author><name>First Editor</name></author>
              <author><email>second@example.org</email></author>
              <entry><title>Inherits both</title><id>urn:1</id></entry>
            </feed>
            """);

        feed.Items.ShouldHaveSingleItem().Authors.ShouldBe(["First Editor", "second@example.org"]);
    }

    [Fact]
    public void Every_author_of_an_entry_counts()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Desk</title><id>urn:feed</id>
              <author><name>Feed Desk</name></author>
              <entry><title>Two</title><id>urn:1</id><author><name>Ann</name></author><author><name>Bo</name></author></entry>
            </feed>
            """);

        feed.Items.ShouldHaveSingleItem().Authors.ShouldBe(["Ann", "Bo"]);
    }

    [Fact]
    public void An_atom_source_author_comes_before_the_feeds_and_a_source_without_one_leaves_the_feeds()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Planet</title><id>urn:planet</id>
              <author><name>Planet Editors</name></author>
              <entry>
                <title>Copied</title><id>urn:1</id>
                <source><id>urn:origin</id><title>Origin</title><author><name>Origin Author</name></author></source>
              </entry>
              <entry>
                <title>Copied, source without author</title><id>urn:2</id>
                <source><id>urn:origin</id><title>Origin</title></source>
              </entry>
              <entry>
                <title>Own beats source</title><id>urn:3</id>
                <author><name>Entry Author</name></author>
                <source><id>urn:origin</id><author><name>Origin Author</name></author></source>
              </entry>
            </feed>
            """);

        feed.Items[0].Authors.ShouldBe(["Origin Author"]);
        feed.Items[1].Authors.ShouldBe(["Planet Editors"]);
        feed.Items[2].Authors.ShouldBe(["Entry Author"]);
    }

    [Fact]
    public void A_lone_atom_entry_takes_its_sources_author()
    {
        var feed = Parse("""
            <entry xmlns="http://www.w3.org/2005/Atom">
              <title>Alone</title><id>urn:1</id>
              <source><id>urn:origin</id><author><name>Origin Author</name></author></source>
            </entry>
            """);

        feed.Items.ShouldHaveSingleItem().Authors.ShouldBe(["Origin Author"]);
    }

    [Fact]
    public void Atom03_entries_inherit_too()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old</title>
              <author><name>Old Desk</name></author>
              <entry><title>Inherits</title><id>tag:old,1</id></entry>
            </feed>
            """);

        feed.Format.ShouldBe("atom0.3");
        feed.Items.ShouldHaveSingleItem().Authors.ShouldBe(["Old Desk"]);
    }

    [Fact]
    public void Rss_items_do_not_inherit_the_channels_editor_or_creator()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Desk</title><link>https://news.example.org/</link>
                <managingEditor>editor@example.org (Ed Itor)</managingEditor>
                <dc:creator>Channel Creator</dc:creator>
                <item><title>No author</title><guid>g1</guid></item>
              </channel>
            </rss>
            """);

        feed.Items.ShouldHaveSingleItem().Authors.ShouldBeEmpty();
    }
}
