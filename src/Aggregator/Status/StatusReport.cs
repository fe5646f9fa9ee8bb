using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.Status;

/// <summary>What <c>status</c> shows: every configured feed and subscriber, with what the store knows of it; URLs redacted.</summary>
internal sealed record StatusReport(
    DateTimeOffset At, IReadOnlyList<FeedStatus> Feeds, IReadOnlyList<RuleStatus> Rules, IReadOnlyList<SubscriberStatus> Subscribers, ConfigChangeCounts ConfigChanges,
    IReadOnlyList<SubscriberChoiceSummary> SubscriberChoices)
{
    public static async Task<StatusReport> ReadAsync(AggregatorConfig config, IStateStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var feeds = await FeedStatus.ReadAllAsync(config, store, cancellationToken);
        var subscribers = await SubscriberStatus.ReadAllAsync(config, store, cancellationToken);
        var rules = await RuleStatus.ReadAllAsync(config, store, store.Choices, cancellationToken);
        var configChanges = await store.CountConfigChangesAsync(cancellationToken);
        var choices = await SubscriberChoiceSummary.ReadAllAsync(store.Choices, cancellationToken);
        return new StatusReport(now, feeds, rules, subscribers, configChanges, choices);
    }
}

internal sealed record FeedStatus(
    string Id,
    string Url,
    DateTimeOffset? LastPollAt,
    string? LastResult,
    int? LastHttpStatus,
    string? LastError,
    int ConsecutiveErrors,
    DateTimeOffset? NextPollAt,
    long ItemsSeen,
    DateTimeOffset? LastNewItemAt,
    bool Disabled,
    string? RedirectedTo)
{
    /// <summary>Every configured feed, in config order, with what the store knows of it.</summary>
    public static async Task<IReadOnlyList<FeedStatus>> ReadAllAsync(AggregatorConfig config, IStatusStore store, CancellationToken cancellationToken)
    {
        var states = (await store.ListFeedStatesAsync(cancellationToken)).ToDictionary(s => s.FeedId, StringComparer.Ordinal);
        return [.. config.Feeds.Select(f => From(f, states.GetValueOrDefault(f.Id), config.Settings.Polling))];
    }

    public static FeedStatus From(FeedDefinition feed, FeedState? state, PollingOptions polling)
    {
        DateTimeOffset? next = null;
        if (state?.LastPollAt is { } last && feed.Cron is null)
        {
            next = last + (feed.Every ?? polling.DefaultEvery);
            if (state.NotBefore > next) next = state.NotBefore;
        }
        return new FeedStatus(
            feed.Id, Urls.Redact(feed.Url), state?.LastPollAt, state?.LastResult is { } result ? PollOutcomeNames.Name(result) : null, state?.LastHttpStatus, state?.LastError,
            state?.ConsecutiveFailures ?? 0, state?.Disabled == true ? null : next, state?.ItemsSeen ?? 0,
            state?.LastNewItemAt, state?.Disabled ?? false, state?.PermanentRedirect is { } moved ? Urls.Redact(moved) : null);
    }
}

/// <param name="NotRelevant">How many of its alerts subscribers marked not relevant.</param>
internal sealed record RuleStatus(string Id, string Query, long Matches, DateTimeOffset? LastMatchAt, long NotRelevant = 0)
{
    /// <summary>Every configured rule, in config order, with its match counts and feedback.</summary>
    public static async Task<IReadOnlyList<RuleStatus>> ReadAllAsync(AggregatorConfig config, IStatusStore store, ISubscriberChoiceReads choices, CancellationToken cancellationToken)
    {
        var stats = (await store.ListRuleStatsAsync(cancellationToken)).ToDictionary(r => r.RuleId, StringComparer.Ordinal);
        var notRelevant = (await choices.NotRelevantCountsAsync(cancellationToken)).ToDictionary(r => r.RuleId, r => r.Count, StringComparer.Ordinal);
        return [.. config.Rules.Select(r => new RuleStatus(
            r.Id, r.Query, stats.GetValueOrDefault(r.Id)?.Matches ?? 0, stats.GetValueOrDefault(r.Id)?.LastMatchAt, notRelevant.GetValueOrDefault(r.Id)))];
    }
}

/// <summary>What one subscriber chose over the config, for <c>status</c>; the console's subscriber page shows the details.</summary>
internal sealed record SubscriberChoiceSummary(
    string Id, int Unsubscribed, DateTimeOffset? PausedUntil, string? Digest, IReadOnlyList<string> RulesOff, int Mutes)
{
    /// <summary>Every subscriber with a choice, by id, configured or not: a choice outlives a subscriber removed from the config.</summary>
    public static async Task<IReadOnlyList<SubscriberChoiceSummary>> ReadAllAsync(ISubscriberChoiceReads choices, CancellationToken cancellationToken) =>
        [.. (await choices.ListChoicesAsync(cancellationToken)).Select(c =>
            new SubscriberChoiceSummary(c.SubscriberId, c.Unsubscriptions.Count, c.PausedUntil, c.Digest, c.RulesOff, c.Mutes.Count))];
}

internal sealed record SubscriberStatus(
    string Id,
    int Queued,
    int Sent,
    int Failed,
    int DeadLettered,
    DateTimeOffset? LastSentAt,
    string? LastError,
    IReadOnlyList<string> WaitingFor,
    IReadOnlyList<string> DisabledEndpoints,
    int Suppressed = 0)
{
    /// <summary>Every configured subscriber, in config order, with its messages' counts and disabled endpoints.</summary>
    public static async Task<IReadOnlyList<SubscriberStatus>> ReadAllAsync(AggregatorConfig config, IStatusStore store, CancellationToken cancellationToken)
    {
        var counts = (await store.CountDeliveriesAsync(cancellationToken)).ToLookup(c => c.SubscriberId, StringComparer.Ordinal);
        var disabled = (await store.ListDisabledEndpointsAsync(cancellationToken)).ToLookup(d => d.SubscriberId, StringComparer.Ordinal);
        return [.. config.Subscribers.Select(s =>
        {
            var mine = counts[s.Id].ToList();
            return new SubscriberStatus(
                s.Id, mine.Sum(c => c.Queued), mine.Sum(c => c.Sent), mine.Sum(c => c.Failed), mine.Sum(c => c.Dead),
                mine.Max(c => c.LastSentAt),
                mine.Where(c => c.LastError is not null).Select(c => c.LastError).FirstOrDefault(),
                [.. mine.SelectMany(c => c.WaitingFor).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. disabled[s.Id].Select(d => $"{d.Channel.ToString().ToLowerInvariant()} {d.Target}: {d.Reason}")],
                mine.Sum(c => c.Suppressed));
        })];
    }
}
