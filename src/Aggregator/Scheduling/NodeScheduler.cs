using Aggregator.Configuration;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Each node's Quartz scheduler, always in memory. A single node keeps a trigger per feed in it (<see cref="QuartzFeedSchedule"/>);
/// a cluster node (<c>scheduler.clustered: true</c>) keeps only its claim tick, the feeds' due times being shared in
/// PostgreSQL (<see cref="SharedFeedSchedule"/>).
/// </summary>
internal static class NodeScheduler
{
    /// <summary>
    /// A fire later than this counts as missed and is settled by one poll now (see the feed triggers), rather
    /// than by firing every overdue interval back to back.
    /// </summary>
    public static TimeSpan MisfireThreshold { get; } = TimeSpan.FromSeconds(5);

    public static void Configure(IQuartzBuilder quartz, SettingsOptions settings)
    {
        // Quartz keeps schedulers in a process-wide registry by name: a unique name keeps two hosts in one
        // process (as in tests) from sharing a scheduler and each other's jobs.
        quartz.ConfigureScheduler(o => o.InstanceName = $"aggregator-{Guid.NewGuid():N}");
        quartz.UseInMemoryStore(o => o.MisfireThreshold = MisfireThreshold);
        if (!settings.Scheduler.Clustered) return;
        quartz.ScheduleJob<ClaimTickJob>(
            trigger => trigger.WithIdentity("claim-due-feeds").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(SharedScheduleClaimer.Tick).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity("claim-due-feeds"));
    }
}
