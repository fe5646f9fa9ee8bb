using System.Security.Cryptography;
using System.Text;
using Aggregator.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Keeps Quartz's jobs in line with the feeds of the config: one job per feed. Only feeds whose schedule
/// changed are rescheduled, starting at their previous next fire time, so a reload (or a second node
/// starting) causes no burst of polls.
/// </summary>
internal sealed class FeedSchedule(ISchedulerFactory schedulerFactory, IScheduleLock scheduleLock, TimeProvider time, ILogger<FeedSchedule> logger)
{
    private const string Group = "feeds";
    private const string ScheduleKey = "schedule";

    /// <summary>Polls the feed now, outside its schedule; false when it has no job (not configured, or not yet scheduled).</summary>
    public async Task<bool> PollNowAsync(string feedId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var key = new JobKey(feedId, Group);
        if (await scheduler.GetJobDetail(key, cancellationToken) is null) return false;
        await scheduler.TriggerJob(key, cancellationToken);
        return true;
    }

    public async Task ApplyAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using var held = await scheduleLock.AcquireAsync(cancellationToken);
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
        var polling = snapshot.Config.Settings.Polling;
        int added = 0, changed = 0, removed = 0;

        foreach (var feed in snapshot.Config.Feeds)
        {
            switch (await ApplyFeedAsync(scheduler, feed, polling, cancellationToken))
            {
                case Change.Added: added++; break;
                case Change.Changed: changed++; break;
            }
        }

        var wanted = snapshot.Feeds;
        foreach (var key in existing.Where(k => !wanted.ContainsKey(k.Name)))
        {
            await scheduler.DeleteJob(key, cancellationToken);
            removed++;
        }
        logger.LogInformation("Schedule applied: {Added} feeds added, {Changed} changed, {Removed} removed", added, changed, removed);
    }

    /// <summary>
    /// Schedules one feed unless the store already holds its job with the same schedule. On a shared
    /// (clustered) store another node may schedule the same feed at the same moment: adding never
    /// replaces, and a lost race is settled by reading what the winner stored.
    /// </summary>
    private async Task<Change> ApplyFeedAsync(IScheduler scheduler, FeedDefinition feed, PollingOptions polling, CancellationToken cancellationToken)
    {
        var key = new JobKey(feed.Id, Group);
        var signature = Signature(feed, polling);
        var job = JobBuilder.Create<PollFeedJob>().WithIdentity(key).UsingJobData(ScheduleKey, signature).Build();
        for (var attempt = 0; ; attempt++)
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken);
            if (detail is null)
            {
                try
                {
                    await scheduler.ScheduleJob(job, [Trigger(feed, polling, FirstFire(feed))], new ScheduleJobOptions { Replace = false }, cancellationToken)
                        ;
                    return Change.Added;
                }
                catch (ObjectAlreadyExistsException) when (attempt < 3)
                {
                    continue;
                }
            }

            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            if (detail.JobDataMap.GetString(ScheduleKey) == signature && triggers.Count > 0) return Change.None;
            var previousNext = triggers.Select(t => t.NextFireTimeUtc).Min();
            await scheduler.ScheduleJob(job, [Trigger(feed, polling, previousNext ?? FirstFire(feed))], new ScheduleJobOptions { Replace = true }, cancellationToken)
                ;
            return Change.Changed;
        }
    }

    private static ITrigger Trigger(FeedDefinition feed, PollingOptions polling, DateTimeOffset start)
    {
        var builder = TriggerBuilder.Create().WithIdentity(feed.Id, Group).StartAt(start);
        if (feed.Cron is { } cron)
            return builder.WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
        var every = Every(feed, polling);
        // Fires missed while a node was busy, down or being taken over are not replayed as a burst: once the
        // store's misfire threshold has passed, the feed is polled once now and the interval restarts from there.
        return builder.WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
    }

    private static TimeSpan Every(FeedDefinition feed, PollingOptions polling)
    {
        var every = feed.Every ?? polling.DefaultEvery;
        return every < polling.MinEvery ? polling.MinEvery : every;
    }

    /// <summary>
    /// Remote feeds start at a point spread over their first interval (at most a minute), derived from the
    /// feed id so every node agrees; local files start at once.
    /// </summary>
    private DateTimeOffset FirstFire(FeedDefinition feed)
    {
        var now = time.GetUtcNow();
        if (feed.Location.IsFile) return now;
        var window = feed.Every is { } every && every < TimeSpan.FromMinutes(1) ? every : TimeSpan.FromMinutes(1);
        var fraction = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(feed.Id))) / (double)uint.MaxValue;
        return now + window * fraction;
    }

    private enum Change
    {
        None,
        Added,
        Changed,
    }

    private static string Signature(FeedDefinition feed, PollingOptions polling) =>
        feed.Cron is { } cron ? $"cron:{cron}" : $"every:{Every(feed, polling).Ticks}";
}
