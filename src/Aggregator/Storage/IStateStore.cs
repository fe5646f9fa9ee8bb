namespace Aggregator.Storage;

/// <summary>
/// Everything the worker remembers: per-feed HTTP state, seen item keys, and the outbox of alerts.
/// Seen keys and the alerts they queue are written in one transaction, so a crash leaves both or neither.
/// </summary>
internal interface IStateStore
{
    /// <summary>Creates or upgrades the schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<FeedState?> GetFeedStateAsync(string feedId, CancellationToken cancellationToken);

    /// <summary>Saves the feed's state alone, for polls that found nothing new (304, errors, no new items).</summary>
    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken);

    /// <summary>The subset of <paramref name="keys"/> already recorded for the feed.</summary>
    Task<IReadOnlySet<string>> FindSeenAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// The subset of <paramref name="keys"/> already recorded for the feed, each with the fingerprint of the
    /// item recorded under it (null for keys recorded before fingerprints were kept).
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> FindSeenFingerprintsAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: records each item key as seen with its fingerprint, queues that item's outbox messages only if the
    /// key was not already recorded (another poll may have won the race), and saves the feed state.
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

    /// <summary>Queues messages not tied to a feed item (operator notices); an alert already queued for a channel is skipped.</summary>
    /// <returns>The number of messages queued.</returns>
    Task<int> QueueAsync(IReadOnlyList<OutboxDraft> drafts, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the messages due at <paramref name="now"/> of up to <paramref name="limit"/> groups, each leased for
    /// <paramref name="lease"/>. A group is one subscriber's messages on one channel with one due time, so a
    /// digest window is claimed whole and goes out as one digest however many alerts it holds.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks the message sent, keeping <paramref name="note"/> (a recipient refused for good) as its last error.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, string? note, CancellationToken cancellationToken);

    /// <summary>Due again at <paramref name="dueAt"/> for the same recipients as before.</summary>
    Task RescheduleAsync(long id, DateTimeOffset dueAt, string error, CancellationToken cancellationToken);

    /// <summary>Due again at <paramref name="dueAt"/>, from now on only for <paramref name="recipients"/> (the others have it).</summary>
    Task RescheduleAsync(long id, DateTimeOffset dueAt, string error, IReadOnlyList<string> recipients, CancellationToken cancellationToken);

    Task DeadLetterAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken);

    /// <summary>When the longest-waiting message that is due and not yet sent became due; null when none is due.</summary>
    Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends the lease of claimed messages that were not attempted (shutdown, pass out of time): they are due again at once.</summary>
    Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the endpoint refused further messages and dead-letters every pending message of that
    /// subscriber's channel with <paramref name="reason"/>.
    /// </summary>
    /// <returns>The number of messages dead-lettered.</returns>
    Task<int> DisableEndpointAsync(DisabledEndpoint endpoint, CancellationToken cancellationToken);

    Task<bool> IsEndpointDisabledAsync(string subscriberId, DeliveryChannel channel, string target, CancellationToken cancellationToken);

    /// <summary>Deletes outbox messages sent or dead-lettered before <paramref name="before"/>; pending ones are kept whatever their age.</summary>
    /// <returns>The number of messages deleted.</returns>
    Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Every feed's state, for <c>status</c>.</summary>
    Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken);

    /// <summary>Per subscriber and channel message counts, for <c>status</c>.</summary>
    Task<IReadOnlyList<DeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken);

    /// <summary>Per rule: how many new items it matched and when it last did, for <c>status</c>.</summary>
    Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken);
}
