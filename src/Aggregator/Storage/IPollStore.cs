namespace Aggregator.Storage;

/// <summary>
/// The poller's part of the store: per-feed HTTP state and seen item keys. Seen keys and the alerts they
/// queue are written in one transaction (<see cref="CommitPollAsync"/>), so a crash leaves both or neither.
/// </summary>
internal interface IPollStore
{
    Task<FeedState?> GetFeedStateAsync(string feedId, CancellationToken cancellationToken);

    /// <summary>Saves the feed's state alone, outside a poll (a poll commits through <see cref="CommitPollAsync"/>, which logs it).</summary>
    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken);

    /// <summary>The subset of <paramref name="keys"/> already recorded for the feed.</summary>
    async Task<IReadOnlySet<string>> FindSeenAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await FindSeenFingerprintsAsync(feedId, keys, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The subset of <paramref name="keys"/> already recorded for the feed, each with the fingerprint of the
    /// item recorded under it (null for keys recorded before fingerprints were kept).
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> FindSeenFingerprintsAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: records each item key as seen with its fingerprint, queues that item's outbox messages only if the
    /// key was not already recorded (another poll may have won the race), saves the feed state, and appends the poll's
    /// log entry, dropping the feed's entries older than the last <see cref="PollLog.KeptPerFeed"/>.
    /// </summary>
    /// <returns>The number of outbox messages queued.</returns>
    Task<int> CommitPollAsync(PollCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// After a successful parse of the feed: keys in <paramref name="presentKeys"/> are marked present, the
    /// feed's other keys absent from now on (if not already), and keys absent from every parse for longer than
    /// <paramref name="retention"/> are deleted. A key whose item is still in the feed is never deleted, so
    /// pruning can only re-alert an item that left the feed for the whole retention window and came back.
    /// </summary>
    /// <returns>The number of keys deleted.</returns>
    Task<int> PruneSeenAsync(string feedId, IReadOnlyCollection<string> presentKeys, TimeSpan retention, CancellationToken cancellationToken);
}
