using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

/// <summary>
/// Runs <see cref="DeliveryRelay.RunOnceAsync"/> about once a second, at once again while a pass finds
/// work, and early when <see cref="RelaySignal"/> is notified. A failing pass is logged and retried on the
/// next tick; it never stops the host. Once an hour it deletes messages delivered or dead-lettered
/// more than <see cref="Retention"/> ago.
/// </summary>
internal sealed class DeliveryRelayService(
    DeliveryRelay relay, IOutbox store, RelaySignal signal, TimeProvider time, ILogger<DeliveryRelayService> logger)
    : BackgroundService
{
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Sent and dead-lettered messages are kept this long (for <c>status</c>), then deleted.</summary>
    public static TimeSpan Retention { get; } = TimeSpan.FromDays(RetentionDays);

    private const int RetentionDays = 30;

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                if (time.GetUtcNow() >= nextPrune)
                {
                    nextPrune = time.GetUtcNow() + PruneEvery;
                    var pruned = await store.PruneOutboxAsync(time.GetUtcNow() - Retention, stoppingToken);
                    if (pruned > 0 && logger.IsEnabled(LogLevel.Information))
                        logger.LogInformation("Deleted {Count} delivered or dead-lettered messages older than {RetentionDays} days", pruned, RetentionDays);
                }
                handled = await relay.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A failed pass (the store briefly unreachable) is logged and the next one tries again: the relay never stops.
                logger.LogError(ex, "Delivery pass failed");
            }
            if (handled == 0) await signal.WaitAsync(Interval, time, stoppingToken);
        }
    }
}
