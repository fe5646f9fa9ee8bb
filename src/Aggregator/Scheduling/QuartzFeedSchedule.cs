using Aggregator.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// A single node's schedule: Quartz's in-memory jobs kept in line with the feeds of the config, one job per feed. Only
/// feeds whose schedule changed are rescheduled, starting at their previous next fire time, so a reload causes no burst of polls.
/// </summary>
internal sealed class QuartzFeedSchedule(ISchedulerFactory schedulerFactory, TimeProvider time, ILogger<QuartzFeedSchedule> logger)
    : IFeedSchedule, IDisposable
{
    /// <summary>One apply at a time: the start's and a reload's may overlap.</summary>
    private readonly SemaphoreSlim _applying = new(1, 1);

    private const string Group = "feeds";
    private const string ScheduleKey = "schedule";

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
        await _applying.WaitAsync(cancellationToken);
        try
        {
            await ApplyJobsAsync(scheduler, snapshot, cancellationToken);
        }
        finally
        {
            _applying.Release();
        }
    }

    private async Task ApplyJobsAsync(IScheduler scheduler, ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
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

    /// <summary>Schedules one feed unless its job is there with the same schedule.</summary>
    private async Task<Change> ApplyFeedAsync(IScheduler scheduler, FeedDefinition feed, PollingOptions polling, CancellationToken cancellationToken)
    {
        var key = new JobKey(feed.Id, Group);
        var signature = FeedTiming.Signature(feed, polling);
        var job = JobBuilder.Create<PollFeedJob>().WithIdentity(key).UsingJobData(ScheduleKey, signature).Build();
        if (await scheduler.GetJobDetail(key, cancellationToken) is not { } detail)
        {
            await scheduler.ScheduleJob(job, [Trigger(feed, polling, time.GetUtcNow() + FeedTiming.FirstDelay(feed))], new ScheduleJobOptions { Replace = false }, cancellationToken);
            return Change.Added;
        }

        var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
        if (detail.JobDataMap.GetString(ScheduleKey) == signature && triggers.Count > 0) return Change.None;
        var previousNext = triggers.Select(t => t.NextFireTimeUtc).Min();
        await scheduler.ScheduleJob(job, [Trigger(feed, polling, previousNext ?? time.GetUtcNow() + FeedTiming.FirstDelay(feed))], new ScheduleJobOptions { Replace = true }, cancellationToken);
        return Change.Changed;
    }

    private static ITrigger Trigger(FeedDefinition feed, PollingOptions polling, DateTimeOffset start)
    {
        var builder = TriggerBuilder.Create().WithIdentity(feed.Id, Group).StartAt(start);
        if (feed.Cron is { } cron)
            return builder.WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
        var every = FeedTiming.Every(feed, polling);
        // Fires missed while the node was busy are not replayed as a burst: once the misfire threshold has passed,
        // the feed is polled once now and the interval restarts from there.
        return builder.WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
    }

    private enum Change
    {
        None,
        Added,
        Changed,
    }

    public void Dispose() => _applying.Dispose();
}
