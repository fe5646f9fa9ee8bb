using Aggregator.Configuration;

namespace Aggregator.Scheduling;

/// <summary>
/// When each feed is polled: due times in memory on a single node (<see cref="NodeFeedSchedule"/>), or the shared
/// table a cluster's nodes claim from (<see cref="SharedFeedSchedule"/>).
/// </summary>
internal interface IFeedSchedule
{
    /// <summary>Brings the schedule in line with the config's feeds, changing only what changed.</summary>
    Task ApplyAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Polls the feed now, outside its schedule; false when it is not scheduled (not configured, or not yet).</summary>
    Task<bool> PollNowAsync(string feedId, CancellationToken cancellationToken);
}
