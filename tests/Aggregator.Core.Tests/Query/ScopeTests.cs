using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class ScopeTests
{
    private static readonly Aggregator.Core.Items.FeedItem Sample = Item(
        title: "Troops at the border",
        summary: "Talks on security guarantees",
        content: "Long article about the harbour",
        authors: ["Jane Smith", "Olaf Berg"],
        categories: ["World", "Europe"],
        link: "https://news.example.org/2026/troops-border");

    [Theory]
    [InlineData("title:troops", true)]
    [InlineData("summary:troops", false)]
    [InlineData("summary:security", true)]
    [InlineData("content:harbour", true)]
    [InlineData("title:harbour", false)]
    [InlineData("author:smith", true)]
    [InlineData("author:\"jane smith\"", true)]
    [InlineData("author:\"smith olaf\"", false)]
    [InlineData("category:europe", true)]
    [InlineData("category:troops", false)]
    [InlineData("link:example.org", true)]
    [InlineData("link:\"troops border\"", true)]
    [InlineData("link:harbour", false)]
    [InlineData("feed:world-news", true)]
    [InlineData("feed:world", true)]
    [InlineData("feed:sport", false)]
    [InlineData("title:(harbour OR border)", true)]
    [InlineData("title:(harbour OR security)", false)]
    [InlineData("summary:(security AND guarantees)", true)]
    [InlineData("title:troops -summary:security", false)]
    [InlineData("title:troops -title:security", true)]
    [InlineData("title:troop*", true)]
    [InlineData("Title:troops", true)]
    [InlineData("SUMMARY:troops", false)]
    [InlineData("summary:/guarantee/", true)]
    [InlineData("title:/guarantee/", false)]
    public void Field_scopes(string query, bool expected) => Matches(query, Sample).ShouldBe(expected, query);

    [Fact]
    public void Rule_with_feed_ids_only_matches_items_of_those_feeds()
    {
        var index = RuleIndex.Build(
        [
            new RuleDefinition("scoped", "troops", new HashSet<string> { "world-news" }),
            new RuleDefinition("scoped-not", "NOT harbour", new HashSet<string> { "world-news" }),
            new RuleDefinition("everywhere", "troops", null),
        ]);
        var item = Item(title: "Troops");
        index.Match(item, "world-news").Select(m => m.RuleId).ShouldBe(["scoped", "scoped-not", "everywhere"]);
        index.Match(item, "sport").Select(m => m.RuleId).ShouldBe(["everywhere"]);
    }
}
