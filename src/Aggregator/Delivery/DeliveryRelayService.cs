using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

/// <summary>
/// Runs <see cref="DeliveryRelay.RunOnceAsync"/> about once a second, at once again while a pass finds
/// work, and early when <see cref="RelaySignal"/> is notified. A failing pass is logged and retried on the
/// next tick; it never stops the host.
/// </summary>
internal sealed class DeliveryRelayService(DeliveryRelay relay, RelaySignal signal, TimeProvider time, ILogger<DeliveryRelayService> logger)
    : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await relay.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Delivery pass failed");
            }
            if (handled == 0) await signal.WaitAsync(Interval, time, stoppingToken);
        }
    }
}
