using Aggregator.Configuration;
using Aggregator.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aggregator.Scheduling;

/// <summary>
/// A cluster's schedule: the feeds' due times in PostgreSQL (<see cref="PostgresPollSchedule"/>), which every node's
/// <see cref="SharedScheduleClaimer"/> claims from. A node applies the config under <see cref="PostgresScheduleLock"/>:
/// the first node to apply a change makes it, the others find it made, so a reload changes each feed once.
/// </summary>
internal sealed class SharedFeedSchedule(NpgsqlDataSource source, PostgresScheduleLock scheduleLock, TimeProvider time, ILogger<SharedFeedSchedule> logger)
    : IFeedSchedule
{
    public async Task ApplyAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        var polling = snapshot.Config.Settings.Polling;
        var now = time.GetUtcNow();
        var entries = snapshot.Config.Feeds.Select(feed => new PostgresPollSchedule.Entry(
            feed.Id,
            FeedTiming.Signature(feed, polling),
            feed.Cron is null ? FeedTiming.Every(feed, polling) : null,
            feed.Cron,
            feed.Cron is { } cron ? CronFires.After(cron, now) ?? DateTimeOffset.MaxValue : null,
            FeedTiming.FirstDelay(feed))).ToList();
        await using var held = await scheduleLock.AcquireAsync(cancellationToken);
        var (added, changed, removed) = await PostgresPollSchedule.ApplyAsync(source, entries, cancellationToken);
        logger.LogInformation("Schedule applied: {Added} feeds added, {Changed} changed, {Removed} removed", added, changed, removed);
    }

    public Task<bool> PollNowAsync(string feedId, CancellationToken cancellationToken) =>
        PostgresPollSchedule.DueNowAsync(source, feedId, cancellationToken);
}
