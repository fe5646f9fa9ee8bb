using Aggregator.Configuration;
using Aggregator.Core;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Stories;
using Aggregator.Storage;

namespace Aggregator.Backtesting;

/// <summary>
/// Why an archived item did or did not alert for a rule: the rule's feed scope, each of its terms hit or missed, the item's
/// age when seen, a baseline poll, an item seen before under another key, a copy of a story already alerted (grouped),
/// and the alert messages queued for it. Rule,
/// scope and <c>alerts.maxItemAge</c> are the config in force; what the rule matched at poll time is from the archive.
/// </summary>
internal sealed class Explainer(ActiveConfig config, IItemArchive archive, IOutbox outbox)
{
    /// <summary>
    /// The explanations of every archived copy of the item whose key or link is <paramref name="keyOrLink"/> (of feed
    /// <paramref name="feedId"/> when given), newest first; none when it is not in the archive.
    /// </summary>
    public async Task<ExplainRun> ExplainAsync(string ruleId, string keyOrLink, string? feedId, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        var keep = snapshot.Config.Settings.Console.Archive.Keep;
        if (!snapshot.RulesById.TryGetValue(ruleId, out var rule))
            return new ExplainRun(ExplainStatus.UnknownRule, keep, []);
        if (keep <= TimeSpan.Zero) return new ExplainRun(ExplainStatus.ArchiveOff, keep, []);
        var found = await archive.FindArchivedAsync(keyOrLink, feedId, cancellationToken);
        if (found.Count == 0) return new ExplainRun(ExplainStatus.NotArchived, keep, []);

        var scope = snapshot.Config.FeedIdsOf(rule);
        var maxAge = snapshot.Config.Settings.Alerts.MaxItemAge;
        var index = RuleIndex.Build([new RuleDefinition(rule.Id, rule.Query, null)]);
        var explanations = new List<ItemExplanation>();
        foreach (var item in found)
        {
            // The archive keeps no feed title: a feed: term sees the feed's id only.
            var terms = TermChecks.Check(rule.Query, item.Item, item.FeedId, null);
            var matches = index.Match(item.Item, item.FeedId).Count > 0;
            var alertIds = rule.Notify.Select(s => AlertIds.For(s, item.FeedId, item.Item.Key)).ToList();
            var deliveries = (await archive.ListDeliveriesOfAlertsAsync(alertIds, cancellationToken))
                .Where(d => d.Alert is null || d.Alert.Rules.Any(r => r.RuleId == rule.Id)).ToList();
            var copies = (await outbox.StoryCopiesAsync(alertIds, cancellationToken)).Where(c => c.RuleId == rule.Id).ToList();
            var grouped = copies.Where(c => alertIds.Contains(c.CopyAlertId, StringComparer.Ordinal)).ToList();
            var ofThisStory = copies.Where(c => alertIds.Contains(c.StoryAlertId, StringComparer.Ordinal)).ToList();
            var inScope = scope is null || scope.Contains(item.FeedId);
            var tooOld = item.TooOld(maxAge);
            var matchedThen = item.MatchedRuleIds.Contains(rule.Id, StringComparer.Ordinal);
            explanations.Add(new ItemExplanation(
                item, rule.Id, rule.Query, scope, inScope, terms, matches, matchedThen, tooOld, maxAge, rule.Notify, deliveries, grouped, ofThisStory,
                Reasons(item, inScope, matches, matchedThen, tooOld, maxAge, rule.Notify.Count, deliveries.Count, grouped)));
        }
        return new ExplainRun(ExplainStatus.Found, keep, explanations);
    }

    /// <summary>Every reason that applies, in the order the poller decides: what stopped an alert first comes first.</summary>
    private static List<string> Reasons(
        ArchivedItem item, bool inScope, bool matches, bool matchedThen, bool tooOld, TimeSpan maxAge, int subscribers, int deliveries,
        List<StoryCopy> grouped)
    {
        var reasons = new List<string>();
        if (!inScope) reasons.Add($"out of scope: feed '{item.FeedId}' is not among the rule's feeds");
        if (!matches) reasons.Add("the query does not match the item (see the terms)");
        // Poll time applied the scope too: only a change of query or scope makes the two differ.
        if ((matches && inScope) != matchedThen)
            reasons.Add(matchedThen ? "the rule matched at poll time (its query or scope has changed since)" : "the rule did not match at poll time (its query or scope has changed since)");
        if (item.Baseline) reasons.Add("baseline: seen at the feed's first poll, whose items are recorded without alerting");
        if (item.SeenBefore) reasons.Add("already seen: the same item was recorded before under another key");
        if (tooOld) reasons.Add($"too old: dated more than alerts.maxItemAge ({Durations.Format(maxAge)}) before it was seen");
        if (subscribers == 0) reasons.Add("the rule notifies no one");
        foreach (var copy in grouped)
        {
            reasons.Add($"grouped for {copy.SubscriberId}: the same story ({StoryReasons.Of(copy.MatchedBy)}) as alert {copy.StoryAlertId}, " +
                "sent earlier within alerts.storyWindow; recorded with it, not sent");
        }
        if (deliveries > 0) reasons.Add($"alerted: {deliveries} message(s) queued");
        else if (grouped.Count == 0 && matchedThen && inScope && !item.Baseline && !item.SeenBefore && !tooOld && subscribers > 0)
            reasons.Add("matched, but no queued message is kept in the outbox (sent or dead messages are pruned after a while)");
        return reasons;
    }
}

internal enum ExplainStatus
{
    Found,
    NotArchived,
    UnknownRule,

    /// <summary><c>settings.console.archive.keep</c> is 0: nothing is archived.</summary>
    ArchiveOff,
}

internal sealed record ExplainRun(ExplainStatus Status, TimeSpan Keep, IReadOnlyList<ItemExplanation> Items);

/// <param name="Scope">The rule's feeds, tags resolved; null: every feed.</param>
/// <param name="Matches">Whether the rule's query matches the item now (scope aside).</param>
/// <param name="MatchedAtPoll">Whether it matched when the item was polled (scope included).</param>
/// <param name="TooOld">Older than <paramref name="MaxItemAge"/> when seen.</param>
/// <param name="Deliveries">The outbox messages of the rule's subscribers for this item that name the rule.</param>
/// <param name="GroupedWith">For the rule's subscribers who were alerted for this item's story already: the copy recorded instead.</param>
/// <param name="Copies">Copies of this item's story grouped with its alert, from this and other feeds.</param>
/// <param name="Reasons">Why it did or did not alert, one line each.</param>
internal sealed record ItemExplanation(
    ArchivedItem Item,
    string RuleId,
    string Query,
    IReadOnlySet<string>? Scope,
    bool InScope,
    IReadOnlyList<TermCheck> Terms,
    bool Matches,
    bool MatchedAtPoll,
    bool TooOld,
    TimeSpan MaxItemAge,
    IReadOnlyList<string> Subscribers,
    IReadOnlyList<DeliveryRecord> Deliveries,
    IReadOnlyList<StoryCopy> GroupedWith,
    IReadOnlyList<StoryCopy> Copies,
    IReadOnlyList<string> Reasons)
{
    public bool Alerted => Deliveries.Count > 0;
}
