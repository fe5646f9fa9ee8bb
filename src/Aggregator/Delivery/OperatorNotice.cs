using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Delivery;

/// <summary>
/// A message to the operators (<c>settings.alerts.operators</c>) shaped as an alert, so it travels through
/// the same outbox, channels, digests and retries. Its feed id cannot be a configured feed's, which is how
/// a failed notice is kept from causing another notice.
/// </summary>
internal static class OperatorNotice
{
    public const string FeedId = "@aggregator";

    /// <param name="kind">Shown as the rule id, e.g. <c>delivery-failed</c>, <c>feed-failing</c>.</param>
    /// <param name="key">Identity of the event: the same key for the same operator is queued once.</param>
    public static Alert For(string operatorId, string kind, string key, string title, string details, DateTimeOffset now)
    {
        var item = new FeedItem(key, key, title, null, now, null, details, string.Empty, [], []);
        return new Alert(AlertIds.For(operatorId, FeedId, key), operatorId, new FeedRef(FeedId, "Aggregator", string.Empty),
            item, [new RuleMatch(kind, kind, [])], now);
    }

    public static bool IsNotice(Alert alert) => alert?.Feed.Id == FeedId;
}
