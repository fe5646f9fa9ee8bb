using Aggregator.Configuration;
using Aggregator.Pipeline;
using Microsoft.Extensions.Logging;

namespace Aggregator.Scheduling;

/// <summary>
/// A single node's schedule: the feeds' due times in memory (<see cref="FeedDueTimes"/>), handed to the
/// <see cref="PollDispatcher"/> by one Quartz job every <see cref="Tick"/> (<see cref="DueFeedsJob"/>) rather than by a
/// Quartz job and trigger per feed. Only feeds whose schedule changed are rescheduled, from their previous next due
/// time, so a reload causes no burst of polls.
/// </summary>
internal sealed class NodeFeedSchedule(PollDispatcher dispatcher, TimeProvider time, ILogger<NodeFeedSchedule> logger) : IFeedSchedule
{
    /// <summary>How often due feeds are handed over: a poll starts at most this long after its due time.</summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly FeedDueTimes _due = new();

    public Task ApplyAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        (int Added, int Changed, int Removed) applied;
        lock (_gate) applied = _due.Apply(snapshot, time.GetUtcNow());
        logger.LogInformation("Schedule applied: {Added} feeds added, {Changed} changed, {Removed} removed", applied.Added, applied.Changed, applied.Removed);
        return Task.CompletedTask;
    }

    public Task<bool> PollNowAsync(string feedId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_due.Contains(feedId)) return Task.FromResult(false);
        }
        dispatcher.TryStart(new PollTicket(feedId));
        return Task.FromResult(true);
    }

    /// <summary>When the feed is next due here; for the console and tests.</summary>
    public DateTimeOffset? NextDue(string feedId)
    {
        lock (_gate) return _due.NextDue(feedId);
    }

    /// <summary>Hands every feed due by now to the dispatcher; one whose previous poll still runs skips this fire.</summary>
    public void DispatchDue()
    {
        IReadOnlyList<string> due;
        lock (_gate) due = _due.TakeDue(time.GetUtcNow());
        foreach (var feedId in due)
        {
            if (!dispatcher.TryStart(new PollTicket(feedId)))
                logger.LogDebug("Poll of {FeedId} not started: the previous one is still running", feedId);
        }
    }
}
