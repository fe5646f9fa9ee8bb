using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Core.Backtesting;

/// <summary>
/// A query or rule evaluated over archived items with the worker's own matcher: compiled once into a
/// <see cref="RuleIndex"/>, the rule's feed scope applied as the worker applies it.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// Evaluates <paramref name="rule"/> over <paramref name="items"/> (newest first). With <paramref name="compareWithPollTime"/>,
    /// the result lists the items whose poll-time match (<see cref="ArchivedItem.MatchedRuleIds"/>) differs from now.
    /// Throws <see cref="QuerySyntaxException"/> for an invalid query.
    /// </summary>
    public static BacktestResult Run(
        RuleDefinition rule, IReadOnlyList<ArchivedItem> items, TimeSpan maxItemAge, bool compareWithPollTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(items);
        RuleIndex.Validate(rule.Query);
        // Items are matched on every core, each worker with an index and a regex budget of its own (neither is shared
        // safely at this rate: an index keeps one spare match context), then gathered in the items' order.
        var found = new RuleMatch?[items.Count];
        var skipped = 0;
        Parallel.For(
            0, items.Count, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Index: RuleIndex.Build([rule]), Budget: new RegexBudget(TimeProvider.System, RegexBudget.DefaultPerItem, Timeout.InfiniteTimeSpan)),
            (i, _, worker) =>
            {
                var matches = worker.Index.Match(items[i].Item, items[i].FeedId, null, worker.Budget);
                if (matches.Count > 0) found[i] = matches[0];
                return worker;
            },
            worker => Interlocked.Add(ref skipped, worker.Budget.Skipped));

        var matches = new List<BacktestMatch>();
        var added = new List<ArchivedItem>();
        var removed = new List<ArchivedItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var matched = found[i] is not null;
            if (matched)
                matches.Add(new BacktestMatch(item, found[i]!, !item.Baseline && !item.SeenBefore && !item.TooOld(maxItemAge)));
            if (!compareWithPollTime) continue;
            var then = item.MatchedRuleIds.Contains(rule.Id, StringComparer.Ordinal);
            if (matched && !then) added.Add(item);
            else if (!matched && then) removed.Add(item);
        }
        return new BacktestResult(
            items.Count,
            matches,
            [.. matches.CountBy(m => m.Item.FeedId).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new FeedCount(c.Key, c.Value))],
            [.. matches.Where(m => m.WouldAlert).CountBy(m => DateOnly.FromDateTime(m.Item.SeenAt.UtcDateTime)).OrderBy(c => c.Key)
                .Select(c => new DayCount(c.Key, c.Value))],
            compareWithPollTime ? new PollTimeDifference(added, removed) : null,
            skipped);
    }
}

/// <param name="Evaluated">How many archived items were evaluated.</param>
/// <param name="PerFeed">Matches per feed, most first.</param>
/// <param name="PerDay">Matches that would have alerted, per UTC day they were seen.</param>
/// <param name="Difference">For a rule: what it matches now and did not at poll time, and the reverse.</param>
/// <param name="RegexSkipped">Regex evaluations past their time budget, counted as no match.</param>
public sealed record BacktestResult(
    int Evaluated,
    IReadOnlyList<BacktestMatch> Matches,
    IReadOnlyList<FeedCount> PerFeed,
    IReadOnlyList<DayCount> PerDay,
    PollTimeDifference? Difference,
    int RegexSkipped);

/// <param name="WouldAlert">
/// Whether the worker would have alerted it had the rule been in force: not a baseline item, not one seen before under
/// another key, not older than <c>alerts.maxItemAge</c> when seen.
/// </param>
public sealed record BacktestMatch(ArchivedItem Item, RuleMatch Match, bool WouldAlert);

public sealed record FeedCount(string FeedId, int Count);

public sealed record DayCount(DateOnly Day, int Count);

/// <param name="NewlyMatched">Matched now, not at poll time.</param>
/// <param name="NoLongerMatched">Matched at poll time, not now.</param>
public sealed record PollTimeDifference(IReadOnlyList<ArchivedItem> NewlyMatched, IReadOnlyList<ArchivedItem> NoLongerMatched);
