using System.Runtime.InteropServices;
using Aggregator.Configuration;
using Aggregator.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// Hot reload: watches the config directory (and answers SIGHUP), validates the whole set, and swaps a
/// good one in atomically; a bad one is logged error by error and the last good config stays in force.
/// Queued alerts live in the store, so a reload never loses one.
/// </summary>
internal sealed class ConfigReloadService(
    ActiveConfig active,
    TimeProvider time,
    ILogger<ConfigWatcher> watcherLogger,
    ILogger<ConfigReloadService> logger) : IHostedService, IDisposable
{
    private ConfigWatcher? _watcher;
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

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    private void Apply(AggregatorConfig config)
    {
        var snapshot = ConfigSnapshot.Create(config);
        // The exporter and the console formatter are built with the host; changing them needs a new process.
        if (config.Settings.Telemetry != active.Current.Config.Settings.Telemetry)
            logger.LogWarning("settings.telemetry changed: it takes effect when the worker is restarted");
        active.Swap(snapshot);
        logger.LogInformation(
            "Config reloaded: {Feeds} feeds, {Rules} rules, {Subscribers} subscribers",
            config.Feeds.Count, config.Rules.Count, config.Subscribers.Count);
    }

    public void Dispose()
    {
        _hangup?.Dispose();
        _hangup = null;
        _watcher?.Dispose();
        _watcher = null;
    }
}
