using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Core.Tests.Rendering;

internal static class SampleAlert
{
    public const string Summary = "Reports say Troops massed at the BORDER overnight.";

    public static Alert Make(string title = "Troops gather at the border", string? link = "https://news.example.org/a?x=1&y=2",
        string summary = Summary, params RuleMatch[] rules)
    {
        var item = new FeedItem("key-1", "id-1", title, link, new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(1)), null,
            summary, "", ["Reporter"], ["europe"]);
        if (rules.Length == 0)
        {
            rules =
            [
                new RuleMatch("troops-at-border", "troops AND border",
                [
                    new TermMatch("summary", "troops", 12, 6, summary),
                    new TermMatch("summary", "border", 33, 6, summary),
                ]),
            ];
        }
        return new Alert("a1b2", "ops", new FeedRef("world-news", "World <News>", "https://news.example.org/feed.xml"), item, rules,
            new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    }
}
