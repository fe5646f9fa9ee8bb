using Aggregator.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Aggregator.Scheduling;

/// <summary>
/// Quartz job for one feed (the job key's name is the feed id). Quartz never runs two of these for the same
/// feed at once on one node; across nodes the store's unique keys make a duplicate poll harmless.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollFeedJob(FeedPoller poller, IHostApplicationLifetime lifetime, ILogger<PollFeedJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feedId = context.JobDetail.Key.Name;
        // A stopping host abandons the poll; its transaction rolls back and the next start polls again.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await poller.PollAsync(feedId, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            logger.LogInformation("Poll of {FeedId} abandoned: the worker is stopping", feedId);
        }
        catch (Exception ex)
        {
            // One feed's unexpected failure (e.g. the store unreachable) must not stop the others.
            logger.LogError(ex, "Poll of {FeedId} failed unexpectedly", feedId);
        }
    }
}
