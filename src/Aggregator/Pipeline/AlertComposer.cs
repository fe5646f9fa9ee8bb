using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Delivery;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Turns one new item into outbox messages: matches it against the rule index, folds the matching rules
/// per subscriber (one message per subscriber, naming every rule), and addresses each of the
/// subscriber's channels, due now or at the end of its digest window, as their choices leave it. A subscriber who groups
/// stories has the story window on each draft, for the commit to record a copy of a story already alerted instead.
/// </summary>
internal static class AlertComposer
{
    /// <summary>Whether the item is older than <c>alerts.maxItemAge</c> (by its published, else updated, date): recorded, never alerted.</summary>
    public static bool TooOld(ConfigSnapshot snapshot, FeedItem item, DateTimeOffset now) =>
        (item.Published ?? item.Updated) < now - snapshot.Config.Settings.Alerts.MaxItemAge;

    /// <summary>The subscribers the matched rules notify, whose choices <see cref="Compose"/> needs.</summary>
    public static IEnumerable<string> Notified(ConfigSnapshot snapshot, IReadOnlyList<RuleMatch> matches) =>
        matches.SelectMany(m => snapshot.RulesById.TryGetValue(m.RuleId, out var rule) ? rule.Notify : []).Distinct(StringComparer.Ordinal);

    /// <param name="matches">What the rule index matched in the item (the poll's regex budget shared by all its items).</param>
    /// <param name="choices">The choices of every subscriber <see cref="Notified"/> names.</param>
    public static IReadOnlyList<OutboxDraft> Compose(
        ConfigSnapshot snapshot, FeedDefinition feed, ParsedFeed parsed, FeedItem item, IReadOnlyList<RuleMatch> matches,
        IReadOnlyDictionary<string, SubscriberChoices> choices, DateTimeOffset now)
    {
        if (matches.Count == 0) return [];

        var perSubscriber = new Dictionary<string, List<RuleMatch>>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (!snapshot.RulesById.TryGetValue(match.RuleId, out var rule)) continue;
            foreach (var subscriberId in rule.Notify)
            {
                if (!perSubscriber.TryGetValue(subscriberId, out var list)) perSubscriber[subscriberId] = list = [];
                list.Add(match);
            }
        }

        // The feed's URL reaches subscribers (mail, webhook payload): never with its credentials.
        var feedRef = new FeedRef(feed.Id, string.IsNullOrWhiteSpace(parsed.Title) ? feed.Id : parsed.Title, Urls.Redact(feed.Url));
        var drafts = new List<OutboxDraft>();
        foreach (var (subscriberId, rules) in perSubscriber)
        {
            if (!snapshot.Subscribers.TryGetValue(subscriberId, out var subscriber)) continue;
            var alert = new Alert(AlertIds.For(subscriberId, feed.Id, item.Key), subscriberId, feedRef, item, rules, now);
            var theirs = choices.GetValueOrDefault(subscriberId) ?? SubscriberChoices.None(subscriberId);
            var window = subscriber.Stories == StoryCopies.Group ? snapshot.Config.Settings.Alerts.StoryWindow : null;
            drafts.AddRange(DeliveryPlanner.Drafts(alert, subscriber, theirs, now).Select(d => d with { StoryWindow = window }));
        }
        return drafts;
    }

}
