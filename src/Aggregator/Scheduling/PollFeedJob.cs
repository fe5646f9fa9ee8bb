using Aggregator.Pipeline;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Quartz job for one feed on a single node (the job key's name is the feed id): hands the poll to the
/// <see cref="PollDispatcher"/> and returns, so Quartz's few threads only ever decide what is due.
/// </summary>
internal sealed class PollFeedJob(PollDispatcher dispatcher, ILogger<PollFeedJob> logger) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feedId = context.JobDetail.Key.Name;
        if (!dispatcher.TryStart(new PollTicket(feedId)))
            logger.LogDebug("Poll of {FeedId} not started: the previous one is still running", feedId);
        return ValueTask.CompletedTask;
    }
}
