using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.Status;

/// <summary>What <c>status</c> shows: every configured feed and subscriber, with what the store knows of it; URLs redacted.</summary>
internal sealed record StatusReport(DateTimeOffset At, IReadOnlyList<FeedStatus> Feeds, IReadOnlyList<RuleStatus> Rules, IReadOnlyList<SubscriberStatus> Subscribers)
{
    public static async Task<StatusReport> ReadAsync(AggregatorConfig config, IStatusStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = (await store.ListFeedStatesAsync(cancellationToken)).ToDictionary(s => s.FeedId, StringComparer.Ordinal);
        var counts = await store.CountDeliveriesAsync(cancellationToken);
        var disabled = await store.ListDisabledEndpointsAsync(cancellationToken);
        var ruleStats = (await store.ListRuleStatsAsync(cancellationToken)).ToDictionary(r => r.RuleId, StringComparer.Ordinal);

        var feeds = config.Feeds.Select(f => FeedStatus.From(f, states.GetValueOrDefault(f.Id), config.Settings.Polling)).ToList();
        var subscribers = config.Subscribers.Select(s => new SubscriberStatus(
            s.Id,
            counts.Where(c => c.SubscriberId == s.Id).Sum(c => c.Queued),
            counts.Where(c => c.SubscriberId == s.Id).Sum(c => c.Sent),
            counts.Where(c => c.SubscriberId == s.Id).Sum(c => c.Failed),
            counts.Where(c => c.SubscriberId == s.Id).Sum(c => c.Dead),
            counts.Where(c => c.SubscriberId == s.Id).Max(c => c.LastSentAt),
            counts.Where(c => c.SubscriberId == s.Id && c.LastError is not null).Select(c => c.LastError).FirstOrDefault(),
            [.. counts.Where(c => c.SubscriberId == s.Id).SelectMany(c => c.WaitingFor).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. disabled.Where(d => d.SubscriberId == s.Id).Select(d => $"{d.Channel.ToString().ToLowerInvariant()} {d.Target}: {d.Reason}")]))
            .ToList();
        var rules = config.Rules.Select(r => new RuleStatus(r.Id, r.Query, ruleStats.GetValueOrDefault(r.Id)?.Matches ?? 0, ruleStats.GetValueOrDefault(r.Id)?.LastMatchAt)).ToList();
        return new StatusReport(now, feeds, rules, subscribers);
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

internal sealed record RuleStatus(string Id, string Query, long Matches, DateTimeOffset? LastMatchAt);

internal sealed record SubscriberStatus(
    string Id,
    int Queued,
    int Sent,
    int Failed,
    int DeadLettered,
    DateTimeOffset? LastSentAt,
    string? LastError,
    IReadOnlyList<string> WaitingFor,
    IReadOnlyList<string> DisabledEndpoints);
