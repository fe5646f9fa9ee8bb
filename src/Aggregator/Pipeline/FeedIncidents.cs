using Aggregator.Configuration;
using Aggregator.Core;
using Aggregator.Delivery;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Notices to <c>settings.alerts.operators</c> about feeds in trouble: failing N polls in a row, gone (410),
/// or silent for too long. Each incident has a deterministic key, so its notice is queued once however many
/// polls observe it; the messages take the normal delivery path (durable, retried), with the incident's
/// kind (<c>feed-failing</c>, <c>feed-gone</c>, <c>feed-silent</c>) as the rule id.
/// </summary>
internal static class FeedIncidents
{
    public static IReadOnlyList<OutboxDraft> ForFeed(ConfigSnapshot snapshot, FeedDefinition feed, FeedState before, FeedState after, DateTimeOffset now)
    {
        var options = snapshot.Config.Settings.Alerts;
        if (options.Operators.Count == 0) return [];

        var incident = Incident(options, feed, before, after, now);
        if (incident is not { } found) return [];

        var drafts = new List<OutboxDraft>();
        foreach (var operatorId in options.Operators.Distinct(StringComparer.Ordinal))
        {
            if (!snapshot.Subscribers.TryGetValue(operatorId, out var subscriber)) continue;
            var notice = OperatorNotice.For(operatorId, found.Kind, found.Key, found.Title, found.Detail, now);
            drafts.AddRange(DeliveryPlanner.Drafts(notice, subscriber, now));
        }
        return drafts;
    }

    private static (string Kind, string Key, string Title, string Detail)? Incident(AlertOptions options, FeedDefinition feed, FeedState before, FeedState after, DateTimeOffset now)
    {
        if (after.Disabled && !before.Disabled)
            return ("feed-gone", $"feed-gone:{feed.Id}:{Stamp(after.LastPollAt)}", $"Feed '{feed.Id}' is gone (410) and no longer polled",
                $"{Urls.Redact(feed.Url)} answered 410 Gone. Remove the feed, or give it a new id with its new url.");

        if (after.ConsecutiveFailures == options.FeedFailingAfter && before.ConsecutiveFailures < options.FeedFailingAfter)
            return ("feed-failing", $"feed-failing:{feed.Id}:{Stamp(after.LastPollAt)}", $"Feed '{feed.Id}' has failed {after.ConsecutiveFailures} polls in a row",
                $"{Urls.Redact(feed.Url)}: {after.LastError}");

        if (options.FeedSilentAfter is { } quiet && after.LastNewItemAt is { } lastNew && now - lastNew > quiet)
            return ("feed-silent", $"feed-silent:{feed.Id}:{Stamp(lastNew)}", $"Feed '{feed.Id}' has had no new item for {Durations.Format(quiet)}",
                $"{Urls.Redact(feed.Url)}: the last new item was seen at {lastNew:u}.");

        return null;
    }

    private static string Stamp(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
}
