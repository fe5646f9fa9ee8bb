using Aggregator.Configuration;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Each node's Quartz scheduler, always in memory, with one job that finds due feeds: a single node's tick over the due
/// times it keeps in memory (<see cref="NodeFeedSchedule"/>), or a cluster node's (<c>scheduler.clustered: true</c>) claim tick
/// on the due times shared in PostgreSQL (<see cref="SharedFeedSchedule"/>).
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
        if (settings.Scheduler.Clustered) Every<ClaimTickJob>(quartz, "claim-due-feeds", SharedScheduleClaimer.Tick);
        else Every<DueFeedsJob>(quartz, "dispatch-due-feeds", NodeFeedSchedule.Tick);
    }

    private static void Every<TJob>(IQuartzBuilder quartz, string name, TimeSpan interval) where TJob : IJob =>
        quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(name));
}
