using Aggregator.Configuration;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Where Quartz keeps its schedule. One node: in memory, rebuilt from the config at every start. A cluster
/// (<c>scheduler.clustered: true</c>): Quartz's ADO.NET store on the same PostgreSQL database, so each
/// trigger fires on one node, and a node that stops checking in has its triggers taken over by the others.
/// </summary>
internal static class SchedulerStore
{
    /// <summary>Every node of a cluster must use the same scheduler name: it is the key of Quartz's rows.</summary>
    public const string SchedulerName = "aggregator";

    /// <summary>How often a node records in the database that it is alive.</summary>
    public static TimeSpan CheckinInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the others wait before recovering a node's triggers.</summary>
    public static TimeSpan CheckinMisfireThreshold { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A fire later than this counts as missed and is settled by one poll now (see the feed triggers), rather
    /// than by firing every overdue interval back to back, which a feed taken over from a dead node would get.
    /// </summary>
    public static TimeSpan MisfireThreshold { get; } = TimeSpan.FromSeconds(5);

    public static void Configure(IQuartzBuilder quartz, SettingsOptions settings)
    {
        if (!settings.Scheduler.Clustered)
        {
            // Quartz keeps schedulers in a process-wide registry by name: a unique name keeps two hosts in one
            // process (as in tests) from sharing a scheduler and each other's jobs.
            quartz.ConfigureScheduler(o => o.InstanceName = $"{SchedulerName}-{Guid.NewGuid():N}");
            quartz.UseInMemoryStore(o => o.MisfireThreshold = MisfireThreshold);
            return;
        }

        quartz.ConfigureScheduler(o =>
        {
            o.InstanceName = SchedulerName;
            // Each process gets its own generated id (host name and a timestamp): the cluster tells nodes apart by it.
            o.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(Npgsql.NpgsqlFactory.Instance, settings.Storage.ConnectionString);
            store.UseClustering(c =>
            {
                c.CheckinInterval = CheckinInterval;
                c.CheckinMisfireThreshold = CheckinMisfireThreshold;
            });
            store.UseSystemTextJsonSerializer();
            store.ConfigureStore(o =>
            {
                // The tables are created on first start; several nodes starting at once are safe (the loser finds the winner's).
                o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                o.StoreJobDataAsStrings = true;
                o.MisfireThreshold = MisfireThreshold;
            });
        });
    }
}
