using Aggregator.Configuration;
using Aggregator.Core;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Runtime;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Notices to <c>settings.alerts.operators</c> about feeds in trouble: failing N polls in a row, gone (410),
/// or silent for too long. Each incident has a deterministic key, so its notice is queued once however many
/// polls observe it; the messages take the normal delivery path (durable, retried), under the rule id
/// <see cref="RuleId"/>.
/// </summary>
internal static class OperatorNotices
{
    public const string RuleId = "aggregator";

    public static IReadOnlyList<OutboxDraft> ForFeed(ConfigSnapshot snapshot, FeedDefinition feed, FeedState before, FeedState after, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var options = snapshot.Config.Settings.Alerts;
        if (options.Operators.Count == 0) return [];

        var incident = Incident(options, feed, before, after, now);
        if (incident is not { } found) return [];

        var item = new FeedItem(found.Key, null, found.Title, feed.Location.IsFile ? null : feed.Url, now, null, found.Detail, string.Empty, [], []);
        var rule = new RuleMatch(RuleId, string.Empty, []);
        var drafts = new List<OutboxDraft>();
        foreach (var operatorId in options.Operators)
        {
            if (!snapshot.Subscribers.TryGetValue(operatorId, out var subscriber)) continue;
            var alert = new Alert(AlertIds.For(operatorId, "~" + RuleId, found.Key), operatorId, new FeedRef(feed.Id, feed.Id, feed.Url), item, [rule], now);
            drafts.AddRange(AlertComposer.Address(subscriber, alert, now));
        }
        return drafts;
    }

    private static (string Key, string Title, string Detail)? Incident(AlertOptions options, FeedDefinition feed, FeedState before, FeedState after, DateTimeOffset now)
    {
        if (after.Disabled && !before.Disabled)
            return ($"feed-gone:{feed.Id}:{Stamp(after.LastPollAt)}", $"Feed '{feed.Id}' is gone (410) and no longer polled",
                $"{feed.Url} answered 410 Gone. Remove the feed, or give it a new id with its new url.");

        if (after.ConsecutiveFailures == options.FeedFailingAfter && before.ConsecutiveFailures < options.FeedFailingAfter)
            return ($"feed-failing:{feed.Id}:{Stamp(after.LastPollAt)}", $"Feed '{feed.Id}' has failed {after.ConsecutiveFailures} polls in a row",
                $"{feed.Url}: {after.LastError}");

        if (options.FeedSilentAfter is { } quiet && after.LastNewItemAt is { } lastNew && now - lastNew > quiet)
            return ($"feed-silent:{feed.Id}:{Stamp(lastNew)}", $"Feed '{feed.Id}' has had no new item for {Durations.Format(quiet)}",
                $"{feed.Url}: the last new item was seen at {lastNew:u}.");

        return null;
    }

    private static string Stamp(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
}
