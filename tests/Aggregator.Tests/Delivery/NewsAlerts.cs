using Aggregator.Core.Alerts;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;
using Aggregator.Tests.Matching;

namespace Aggregator.Tests.Delivery;

/// <summary>Alerts built the way the worker builds them: real news items matched by real rules with the product's matcher.</summary>
internal static class NewsAlerts
{
    public static Alert For(string itemName, params (string Id, string Query)[] rules)
    {
        NewsFeeds.Require();
        var news = NewsFeeds.Item(itemName);
        var index = RuleIndex.Build(rules.Select(r => new RuleDefinition(r.Id, r.Query, null)));
        var matches = index.Match(news.Item, news.FeedId, news.FeedTitle, null);
        matches.Count.ShouldBe(rules.Length, $"every rule matches {itemName}");
        return Of(news, matches);
    }

    /// <summary>An alert on any item: a rule on the longest word of its title, or a rule without marks when no word of it matches alone.</summary>
    public static Alert Of(NewsItem news)
    {
        var word = System.Text.RegularExpressions.Regex.Matches(news.Item.Title ?? "", @"\p{L}{4,}").Select(m => m.Value).MaxBy(w => w.Length);
        var matches = word is null ? [] : RuleIndex.Build([new RuleDefinition("word", $"\"{word}\"", null)]).Match(news.Item, news.FeedId, news.FeedTitle, null);
        return Of(news, matches.Count > 0 ? matches : [new RuleMatch("any", "any", [])]);
    }

    private static Alert Of(NewsItem news, IReadOnlyList<RuleMatch> matches)
    {
        var feed = new FeedRef(news.FeedId, news.FeedTitle, $"https://feeds.example.org/{news.FeedId}.xml");
        return new Alert(AlertIds.For("desk", news.FeedId, news.Item.Key), "desk", feed, news.Item, matches, new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Links as the public pages would sign them (the shape, not the signature).</summary>
    public static AlertLinks Links(Alert alert, string ruleId) => new(
        new Uri($"https://alerts.example.org/p/w/v1.{alert.AlertId}.{ruleId}"),
        new Uri("https://alerts.example.org/p/s/v1.desk"),
        new Uri($"https://alerts.example.org/p/u/v1.desk.{ruleId}"));
}
