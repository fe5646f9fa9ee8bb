using Aggregator.Configuration;
using Aggregator.Core.Backtesting;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Storage;

namespace Aggregator.Backtesting;

/// <summary>
/// Evaluates a query, or a rule of the config in force, over the item archive with the worker's matcher
/// (<see cref="Backtest"/>): what it matches, per feed, per day, and for a rule what changed since poll time.
/// </summary>
internal sealed class Backtester(ActiveConfig config, IItemArchive archive, TimeProvider time)
{
    /// <summary>The most archived items one backtest reads, the newest.</summary>
    public const int MaxItems = 100_000;

    /// <summary>Evaluates <paramref name="query"/> over every feed's archived items, of the last <paramref name="window"/> when given.</summary>
    public Task<BacktestRun> RunQueryAsync(string query, TimeSpan? window, CancellationToken cancellationToken) =>
        RunAsync(new RuleDefinition("query", query, null), compare: false, window, MaxItems, cancellationToken);

    /// <summary>
    /// Evaluates rule <paramref name="ruleId"/>'s query over the archived items of its feeds, as the config in force defines
    /// both, and compares with what it matched at poll time.
    /// </summary>
    public Task<BacktestRun> RunRuleAsync(string ruleId, TimeSpan? window, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        if (!snapshot.RulesById.TryGetValue(ruleId, out var rule))
            return Task.FromResult(new BacktestRun(BacktestStatus.UnknownRule, $"no rule '{ruleId}' in the config", null, null, snapshot.Config.Settings.Console.Archive.Keep));
        return RunAsync(new RuleDefinition(rule.Id, rule.Query, snapshot.Config.FeedIdsOf(rule)), compare: true, window, MaxItems, cancellationToken);
    }

    /// <summary>
    /// The rule playground: <paramref name="query"/> over the newest <paramref name="maxItems"/> archived items, within rule
    /// <paramref name="ruleId"/>'s feeds when given, and what it matches that the rule's current query does not (and the reverse).
    /// </summary>
    public async Task<PlaygroundRun> TryAsync(string query, string? ruleId, int maxItems, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        var settings = snapshot.Config.Settings;
        RuleConfig? current = null;
        if (ruleId is not null && !snapshot.RulesById.TryGetValue(ruleId, out current))
            return new PlaygroundRun(BacktestStatus.UnknownRule, $"no rule '{ruleId}' in the config", null, null, null);
        try
        {
            RuleIndex.Validate(query);
        }
        catch (QuerySyntaxException ex)
        {
            return new PlaygroundRun(BacktestStatus.InvalidQuery, $"column {ex.Column}: {ex.Message}", null, null, null);
        }
        if (settings.Console.Archive.Keep <= TimeSpan.Zero) return new PlaygroundRun(BacktestStatus.ArchiveOff, null, null, null, null);
        var scope = current is null ? null : snapshot.Config.FeedIdsOf(current);
        var items = await archive.ListArchivedAsync(new ArchiveQuery(Math.Clamp(maxItems, 1, MaxItems), scope), cancellationToken);
        var edited = Backtest.Run(new RuleDefinition(current?.Id ?? "query", query, scope), items, settings.Alerts.MaxItemAge, false, cancellationToken);
        if (current is null) return new PlaygroundRun(BacktestStatus.Done, null, edited, null, null);
        var before = Backtest.Run(new RuleDefinition(current.Id, current.Query, scope), items, settings.Alerts.MaxItemAge, false, cancellationToken);
        static string Key(ArchivedItem i) => i.FeedId + "\n" + i.Item.Key;
        var was = before.Matches.Select(m => Key(m.Item)).ToHashSet(StringComparer.Ordinal);
        var now = edited.Matches.Select(m => Key(m.Item)).ToHashSet(StringComparer.Ordinal);
        return new PlaygroundRun(BacktestStatus.Done, null, edited, current.Query,
            new PollTimeDifference(
                [.. edited.Matches.Where(m => !was.Contains(Key(m.Item))).Select(m => m.Item)],
                [.. before.Matches.Where(m => !now.Contains(Key(m.Item))).Select(m => m.Item)]));
    }

    private async Task<BacktestRun> RunAsync(RuleDefinition rule, bool compare, TimeSpan? window, int limit, CancellationToken cancellationToken)
    {
        var settings = config.Current.Config.Settings;
        var keep = settings.Console.Archive.Keep;
        try
        {
            RuleIndex.Validate(rule.Query);
        }
        catch (QuerySyntaxException ex)
        {
            return new BacktestRun(BacktestStatus.InvalidQuery, $"{ex.Column}: error: {ex.Message}", rule, null, keep);
        }
        if (keep <= TimeSpan.Zero) return new BacktestRun(BacktestStatus.ArchiveOff, null, rule, null, keep);
        var items = await archive.ListArchivedAsync(
            new ArchiveQuery(limit, rule.FeedIds, window is { } w ? time.GetUtcNow() - w : null), cancellationToken);
        var result = Backtest.Run(rule, items, settings.Alerts.MaxItemAge, compare, cancellationToken);
        return new BacktestRun(BacktestStatus.Done, null, rule, result, keep);
    }
}

/// <param name="CurrentQuery">The rule's query in force, when the playground edits a rule.</param>
/// <param name="AgainstCurrent">What the edited query matches that the current one does not, and the reverse, over the same items.</param>
internal sealed record PlaygroundRun(BacktestStatus Status, string? Error, BacktestResult? Result, string? CurrentQuery, PollTimeDifference? AgainstCurrent);

internal enum BacktestStatus
{
    Done,
    InvalidQuery,
    UnknownRule,

    /// <summary><c>settings.console.archive.keep</c> is 0: nothing is archived.</summary>
    ArchiveOff,
}

/// <param name="Rule">What was evaluated: the query (id <c>query</c>) or the rule with its feed scope.</param>
/// <param name="Result">When <see cref="Status"/> is <see cref="BacktestStatus.Done"/>; its <c>Evaluated</c> is 0 for an empty archive.</param>
/// <param name="Keep">The archive's retention in force.</param>
internal sealed record BacktestRun(BacktestStatus Status, string? Error, RuleDefinition? Rule, BacktestResult? Result, TimeSpan Keep);
