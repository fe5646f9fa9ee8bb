using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.Observability;

/// <summary>
/// Counts what the <c>aggregator.outbox.backlog</c> and <c>aggregator.feeds.overdue</c> gauges report, at most every
/// <see cref="Every"/> (the heartbeat drives it): a collector may scrape often, and a scrape must not query the store.
/// </summary>
internal sealed class GaugeRefresh(IStatusStore status, ActiveConfig config, AggregatorMetrics metrics, TimeProvider time)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task RefreshIfDueAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _last < Every) return;
        await RefreshAsync(cancellationToken);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _last = now;
        var backlog = (await status.CountDeliveriesAsync(cancellationToken)).Sum(c => (long)c.Queued);
        var states = await status.ListFeedStatesAsync(cancellationToken);
        metrics.Counted(backlog, Overdue(config.Current.Config, states, now));
    }

    /// <summary>
    /// Feeds of the config in force whose last poll is older than two intervals, unless they wait on purpose (a
    /// Retry-After or a backoff) or were disabled by a 410. Never polled yet, or on a cron schedule: not counted.
    /// </summary>
    public static int Overdue(AggregatorConfig config, IReadOnlyList<FeedState> states, DateTimeOffset now)
    {
        var byId = states.ToDictionary(s => s.FeedId, StringComparer.Ordinal);
        return config.Feeds.Count(feed =>
            feed.Cron is null
            && byId.TryGetValue(feed.Id, out var state)
            && !state.Disabled
            && state.LastPollAt is { } last
            && (state.NotBefore is not { } notBefore || notBefore <= now)
            && now - last > 2 * (feed.Every ?? config.Settings.Polling.DefaultEvery));
    }
}
