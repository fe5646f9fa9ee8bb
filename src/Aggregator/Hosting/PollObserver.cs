using Aggregator.Delivery;
using Aggregator.Fetching;
using Aggregator.Observability;
using Aggregator.Pipeline;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>Counts every poll, logs matches, and wakes the delivery relay as soon as a poll has queued alerts.</summary>
internal sealed class PollObserver(AggregatorMetrics metrics, RelaySignal relay, ILogger<PollObserver> logger) : IPollObserver
{
    public void Fetched(string feedId, FetchStatus status, TimeSpan elapsed) =>
        metrics.Fetched(status.ToString().ToLowerInvariant(), elapsed);

    public void Polled(string feedId, PollResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        metrics.Polls.Add(1, new KeyValuePair<string, object?>("result", result.Outcome.ToString().ToLowerInvariant()));
        if (result.NewItems > 0) metrics.NewItems.Add(result.NewItems);
    }

    public void Matched(string feedId, string ruleId, int items)
    {
        metrics.Matched(ruleId, items);
        logger.LogInformation("Rule {RuleId} matched {Items} new items of {FeedId}", ruleId, items, feedId);
    }

    public void Queued(string feedId, int messages)
    {
        metrics.Queued.Add(messages);
        relay.Notify();
    }
}
