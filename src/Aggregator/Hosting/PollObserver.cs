using Aggregator.Delivery;
using Aggregator.Observability;
using Aggregator.Pipeline;

namespace Aggregator.Hosting;

/// <summary>Counts every poll and wakes the delivery relay as soon as a poll has queued alerts.</summary>
internal sealed class PollObserver(AggregatorMetrics metrics, RelaySignal relay) : IPollObserver
{
    public void Polled(string feedId, PollResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        metrics.Polls.Add(1, new KeyValuePair<string, object?>("result", result.Outcome.ToString().ToLowerInvariant()));
        if (result.NewItems > 0) metrics.NewItems.Add(result.NewItems);
    }

    public void Queued(string feedId, int messages)
    {
        metrics.Queued.Add(messages);
        relay.Notify();
    }
}
