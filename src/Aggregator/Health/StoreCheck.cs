using Aggregator.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aggregator.Health;

/// <summary>Readiness in the worker itself: the store answers now, not only at the last heartbeat.</summary>
internal sealed class StoreCheck(IOutbox outbox, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.OldestDueAsync(time.GetUtcNow(), cancellationToken);
            return HealthCheckResult.Healthy("store answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return WorkerHealthChecks.Judge(["store unreachable: " + ex.Message], "store answers");
        }
    }
}
