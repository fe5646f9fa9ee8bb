namespace Aggregator.Scheduling;

/// <summary>
/// Serialises <see cref="FeedSchedule.ApplyAsync"/> across every process sharing one schedule, so that nodes
/// reloading the same config at the same moment do not each reschedule the same feed: the first applies
/// the change, the others find it already applied.
/// </summary>
internal interface IScheduleLock
{
    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken);
}
