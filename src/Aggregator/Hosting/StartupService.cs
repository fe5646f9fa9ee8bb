using Aggregator.Configuration;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// Runs before the scheduler starts: migrates the store, then schedules one job per feed. A reload
/// reschedules what changed (<see cref="ConfigReloadService"/>).
/// </summary>
internal sealed class StartupService(
    IStateStore store,
    ActiveConfig config,
    IFeedSchedule schedule,
    ILogger<StartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var snapshot = config.Current;
        await schedule.ApplyAsync(snapshot, cancellationToken);
        HeapTrim.AfterConfigApplied();
        logger.LogInformation(
            "Aggregator started: {Feeds} feeds, {Rules} rules, {Subscribers} subscribers, config {ConfigDirectory}",
            snapshot.Config.Feeds.Count, snapshot.Config.Rules.Count, snapshot.Config.Subscribers.Count, snapshot.Config.Directory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
