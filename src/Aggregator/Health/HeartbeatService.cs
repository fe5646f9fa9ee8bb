using Aggregator.Observability;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Health;

/// <summary>Writes the <see cref="Heartbeat"/> file every few seconds while the worker runs, and removes it on a clean stop.</summary>
internal sealed class HeartbeatService(
    HeartbeatFile file,
    ISchedulerFactory schedulerFactory,
    IOutbox store,
    GaugeRefresh gauges,
    TimeProvider time,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly string _path = Path.GetFullPath(file.Path);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var beat = await MeasureAsync(stoppingToken);
            try
            {
                await WriteAsync(beat, stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A heartbeat that cannot be written makes `health` report the worker as down; it must not stop the worker.
                logger.LogWarning(ex, "Heartbeat could not be written to {HeartbeatPath}", _path);
            }
            try
            {
                await gauges.RefreshIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The gauges keep their last values; the heartbeat has already said whether the store answers.
                logger.LogDebug(ex, "Backlog and overdue-feed gauges not refreshed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Written beside the target and moved over it, so `health` never reads half a file.</summary>
    private async Task WriteAsync(Heartbeat beat, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temp = $"{_path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temp, beat.ToJson(), cancellationToken);
        File.Move(temp, _path, overwrite: true);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            File.Delete(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Heartbeat {HeartbeatPath} could not be removed", _path);
        }
    }

    private async Task<Heartbeat> MeasureAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var running = await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
        string? storeError = null;
        DateTimeOffset? oldestDue = null;
        try
        {
            oldestDue = await store.OldestDueAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            storeError = ex.Message;
            logger.LogWarning(ex, "Heartbeat: the store is unreachable");
        }
        return new Heartbeat(time.GetUtcNow(), Environment.ProcessId, running, storeError is null, storeError, oldestDue);
    }
}
