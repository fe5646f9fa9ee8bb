using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Health;

/// <summary>Writes the <see cref="Heartbeat"/> file every few seconds while the worker runs, and removes it on a clean stop.</summary>
internal sealed class HeartbeatService(
    HeartbeatFile file,
    ISchedulerFactory schedulerFactory,
    IStateStore store,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly string _path = Path.GetFullPath(file.Path);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var beat = await MeasureAsync(stoppingToken).ConfigureAwait(false);
            var temp = _path + ".tmp";
            await File.WriteAllTextAsync(temp, beat.ToJson(), stoppingToken).ConfigureAwait(false);
            File.Move(temp, _path, overwrite: true);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        File.Delete(_path);
    }

    private async Task<Heartbeat> MeasureAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var running = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false) == SchedulerStatus.Running;
        string? storeError = null;
        DateTimeOffset? oldestDue = null;
        try
        {
            oldestDue = await store.OldestDueAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            storeError = ex.Message;
            logger.LogWarning(ex, "Heartbeat: the store is unreachable");
        }
        return new Heartbeat(time.GetUtcNow(), Environment.ProcessId, running, storeError is null, storeError, oldestDue);
    }
}
