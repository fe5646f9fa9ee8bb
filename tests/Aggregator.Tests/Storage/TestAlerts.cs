using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>Alerts and poll commits as the poller would build them.</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 15, 0, TimeSpan.Zero);

    public static Alert Make(string subscriberId, string key, string title = "Troops gather at the border",
        string feedId = "world-news", string? link = "https://news.example.org/a", params string[] ruleIds)
    {
        var item = new FeedItem(key, key, title, link, Start.AddMinutes(-5), null,
            "Reports say troops massed at the border overnight.", string.Empty, ["Reporter"], ["europe"]);
        var rules = (ruleIds.Length == 0 ? ["troops-at-border"] : ruleIds)
            .Select(id => new RuleMatch(id, "troops AND border",
            [
                new TermMatch("summary", "troops", 12, 6, "Reports say troops massed at the border overnight."),
                new TermMatch("summary", "border", 33, 6, "Reports say troops massed at the border overnight."),
            ]))
            .ToList();
        return new Alert(AlertIds.For(subscriberId, feedId, key), subscriberId,
            new FeedRef(feedId, "World News", "https://news.example.org/feed.xml"), item, rules, Start);
    }

    public static PollCommit Commit(string feedId, params (string Key, OutboxDraft[] Drafts)[] items) =>
        new(new FeedState { FeedId = feedId, LastResult = PollOutcome.Parsed, LastPollAt = Start, ItemsSeen = items.Length },
            [.. items.Select(i => new SeenItem(i.Key, i.Drafts))]);

    public static OutboxDraft Draft(Alert alert, DeliveryChannel channel = DeliveryChannel.Email, DateTimeOffset? dueAt = null) =>
        new(alert, channel, dueAt ?? Start);
}
