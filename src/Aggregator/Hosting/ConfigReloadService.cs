using System.Runtime.InteropServices;
using Aggregator.Configuration;
using Aggregator.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// Hot reload: watches the config directory (and answers SIGHUP), validates the whole set, and swaps a
/// good one in atomically; a bad one is logged error by error and the last good config stays in force.
/// Queued alerts live in the store, so a reload never loses one. Everything a reload does is in
/// <see cref="Apply"/>: the swap (the fetcher and webhook clients follow it), then the feeds rescheduled.
/// </summary>
internal sealed class ConfigReloadService(
    ActiveConfig active,
    IFeedSchedule schedule,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ConfigWatcher> watcherLogger,
    ILogger<ConfigReloadService> logger) : IHostedService, IDisposable
{
    private ConfigWatcher? _watcher;

    /// <summary>What the last reload found; null until the directory was reloaded once.</summary>
    public ReloadReport? LastReload => _watcher?.LastReload;
    private PosixSignalRegistration? _hangup;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var initial = active.Current.Config;
        _watcher = new ConfigWatcher(initial.Directory, initial, new ConfigLoader(), watcherLogger, time);
        _watcher.Reloaded += (_, e) => Apply(e.Config);
        _watcher.Start();
        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                logger.LogInformation("SIGHUP: reloading the config");
                _watcher.Reload();
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Reloads the directory now and says how it went: a console edit waits for this rather than for the watcher's
    /// debounce, so the operator sees at once whether the reload accepted it. Null before the service started.
    /// </summary>
    public ReloadReport? ReloadNow()
    {
        if (_watcher is not { } watcher) return null;
        watcher.Reload();
        return watcher.LastReload;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    private void Apply(AggregatorConfig config)
    {
        var snapshot = ConfigSnapshot.Create(config);
        foreach (var section in RestartOnlyChanges(active.Current.Config.Settings, config.Settings))
            logger.LogWarning("settings.{Section} changed: it takes effect when the worker is restarted", section);
        active.Swap(snapshot);
        logger.LogInformation(
            "Config reloaded: {Feeds} feeds, {Rules} rules, {Subscribers} subscribers",
            config.Feeds.Count, config.Rules.Count, config.Subscribers.Count);
        _ = RescheduleAsync(snapshot);
    }

    /// <summary>Reschedules only what changed; a failure keeps the previous schedule running.</summary>
    private async Task RescheduleAsync(ConfigSnapshot next)
    {
        try
        {
            await schedule.ApplyAsync(next, lifetime.ApplicationStopping);
            HeapTrim.AfterConfigApplied();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A failed reschedule keeps the old schedule running; it is logged, not fatal.
            logger.LogError(ex, "Rescheduling after a config change failed; the previous schedule stays in force");
        }
    }

    /// <summary>
    /// Sections built into long-lived objects at start (the store, the scheduler, the exporter and log
    /// formatter, the console's listener and sign-in, the poll slots): a reload cannot change them, so the operator is told. Polling and network settings apply
    /// from the next fetch or webhook (new clients), intervals from the next schedule.
    /// </summary>
    private static IEnumerable<string> RestartOnlyChanges(SettingsOptions before, SettingsOptions after)
    {
        if (before.Storage != after.Storage) yield return "storage";
        if (before.Scheduler != after.Scheduler) yield return "scheduler";
        if (before.Polling.Concurrency != after.Polling.Concurrency) yield return "polling.concurrency";
        if (before.Telemetry != after.Telemetry) yield return "telemetry";
        if (before.Console.Listen != after.Console.Listen || before.Console.Auth != after.Console.Auth) yield return "console";
        if (before.Public.Listen != after.Public.Listen) yield return "public";
    }

    public void Dispose()
    {
        _hangup?.Dispose();
        _hangup = null;
        _watcher?.Dispose();
        _watcher = null;
    }
}
