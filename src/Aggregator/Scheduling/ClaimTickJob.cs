using Quartz;

namespace Aggregator.Scheduling;

/// <summary>Quartz's in-process job that runs a cluster node's <see cref="SharedScheduleClaimer"/> tick.</summary>
[DisallowConcurrentExecution]
internal sealed class ClaimTickJob(SharedScheduleClaimer claimer) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await claimer.TickAsync(cancellationToken);
}
