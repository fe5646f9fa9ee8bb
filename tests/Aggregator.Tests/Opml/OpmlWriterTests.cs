using System.Xml.Linq;
using System.Xml.XPath;
using Aggregator.Core.Opml;

namespace Aggregator.Tests.Opml;

public sealed class OpmlWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 4, 21, 30, 5, TimeSpan.FromHours(2));

    private static readonly OpmlFeed[] Feeds =
    [
        new("hn", "https://news.ycombinator.com/rss", ["tech", "news"], "Hacker News"),
        new("lwn", "https://lwn.net/headlines/rss?a=1&b=2", ["tech"]),
        new("bbc", "https://feeds.bbci.co.uk/news/rss.xml", ["news", "world", "uk"], "BBC <News> & \"more\""),
        new("plain", "https://plain.example/feed", []),
    ];

    [Fact]
    public void Writing_then_reading_gives_the_same_urls_and_tags()
    {
        var document = OpmlReader.Default.Read(OpmlWriter.Write("Aggregator feeds", Feeds, Created)).Document!;

        document.Skipped.ShouldBeEmpty();
        document.Subscriptions.Select(s => (s.XmlUrl, string.Join(' ', s.Folders))).OrderBy(p => p.XmlUrl).ShouldBe(
            Feeds.Select(f => (f.Url, string.Join(' ', f.Tags))).OrderBy(p => p.Url));
        document.Subscriptions.Single(s => s.XmlUrl.Contains("bbci", StringComparison.Ordinal)).Title.ShouldBe("BBC <News> & \"more\"");
        document.Subscriptions.Single(s => s.XmlUrl.Contains("lwn", StringComparison.Ordinal)).Title.ShouldBe("lwn");
    }

    [Fact]
    public void Reimporting_an_export_plans_nothing_new()
    {
        var document = OpmlReader.Default.Read(OpmlWriter.Write("Aggregator feeds", Feeds, Created)).Document!;

        var plan = OpmlImportPlan.Create(document, Feeds.Select(f => new ExistingFeed(f.Id, f.Url)));

        plan.NewFeeds.ShouldBeEmpty();
        plan.Duplicates.Select(d => d.DuplicateOfId).Order().ShouldBe(["bbc", "hn", "lwn", "plain"]);
    }

    [Fact]
    public void The_file_is_opml_2_with_a_title_an_rfc_822_date_and_one_folder_per_first_tag()
    {
        var xml = XDocument.Parse(OpmlWriter.Write("Aggregator feeds", Feeds, Created));

        xml.Root!.Attribute("version")!.Value.ShouldBe("2.0");
        xml.XPathSelectElement("/opml/head/title")!.Value.ShouldBe("Aggregator feeds");
        xml.XPathSelectElement("/opml/head/dateCreated")!.Value.ShouldBe("Fri, 04 Dec 2026 19:30:05 GMT");
        xml.XPathSelectElements("/opml/body/outline[not(@xmlUrl)]").Select(e => e.Attribute("text")!.Value).ShouldBe(["tech", "news"]);
        xml.XPathSelectElements("/opml/body/outline[@text='tech']/outline").Select(e => e.Attribute("xmlUrl")!.Value)
            .ShouldBe(["https://news.ycombinator.com/rss", "https://lwn.net/headlines/rss?a=1&b=2"]);
        xml.XPathSelectElements("/opml/body/outline[@xmlUrl]").ShouldHaveSingleItem().Attribute("text")!.Value.ShouldBe("plain");
        xml.XPathSelectElements("//outline[@xmlUrl]").ShouldAllBe(e => e.Attribute("type")!.Value == "rss" && e.Attribute("title") != null);
    }

    [Fact]
    public void The_declaration_says_utf_8()
    {
        OpmlWriter.Write("t", [], Created).ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    }
}
