using Quartz;

namespace Aggregator.Scheduling;

/// <summary>Quartz's in-process job that hands a single node's due feeds to the dispatcher (<see cref="NodeFeedSchedule.DispatchDue"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class DueFeedsJob(NodeFeedSchedule schedule) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        schedule.DispatchDue();
        return ValueTask.CompletedTask;
    }
}
