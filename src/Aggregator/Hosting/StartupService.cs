using Aggregator.Configuration;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// Runs before the scheduler starts: migrates the store, then schedules one job per feed. Later config
/// swaps reschedule only what changed.
/// </summary>
internal sealed class StartupService(
    IStateStore store,
    ActiveConfig config,
    FeedSchedule schedule,
    IHostApplicationLifetime lifetime,
    ILogger<StartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = config.Current;
        await schedule.ApplyAsync(snapshot, cancellationToken).ConfigureAwait(false);
        config.Changed += next => _ = ApplyLaterAsync(next);
        HeapTrim.AfterConfigApplied();
        logger.LogInformation(
            "Aggregator started: {Feeds} feeds, {Rules} rules, {Subscribers} subscribers, config {ConfigDirectory}",
            snapshot.Config.Feeds.Count, snapshot.Config.Rules.Count, snapshot.Config.Subscribers.Count, snapshot.Config.Directory);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ApplyLaterAsync(ConfigSnapshot next)
    {
        try
        {
            await schedule.ApplyAsync(next, lifetime.ApplicationStopping).ConfigureAwait(false);
            HeapTrim.AfterConfigApplied();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed reschedule keeps the old schedule running; it is logged, not fatal.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Rescheduling after a config change failed; the previous schedule stays in force");
        }
    }
}
