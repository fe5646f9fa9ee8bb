namespace Aggregator.Storage;

/// <summary>
/// What the operator console reads and does: each feed's recent polls (<c>poll_log</c>, written by the poller's
/// commit, <see cref="PollCommit.Log"/>), the delivery history of the outbox, and the replay of dead letters.
/// A replay queues the message again under the same alert id, so the resend carries the same Message-Id or
/// webhook-id and a receiver that got it after all can tell.
/// </summary>
internal interface IConsoleStore
{
    /// <summary>The states of <paramref name="feedIds"/> (a page of the feeds list); feeds never polled are absent.</summary>
    Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(IReadOnlyCollection<string> feedIds, CancellationToken cancellationToken);

    /// <summary>The states of feeds whose last poll failed or that are disabled: few, whatever the number of feeds.</summary>
    Task<IReadOnlyList<FeedState>> ListFailingFeedStatesAsync(CancellationToken cancellationToken);

    /// <summary>The feed's last <paramref name="limit"/> polls, newest first.</summary>
    Task<IReadOnlyList<PollLogEntry>> ListPollsAsync(string feedId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The last <paramref name="perFeed"/> polls of each of <paramref name="feedIds"/> (a page of the feeds list), newest
    /// first, in one query; feeds never polled are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RecentPoll>>> ListRecentPollsAsync(IReadOnlyCollection<string> feedIds, int perFeed, CancellationToken cancellationToken);

    /// <summary>Outbox messages matching <paramref name="query"/>, newest (highest id) first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    Task<DeliveryRecord?> GetMessageAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the dead letter <paramref name="id"/> again: due now, no attempts, no claim, no error; its alert id and
    /// pending recipients kept. Refused, with the reason, when there is no such message, it is not dead, or its
    /// subscriber's endpoint on its channel is disabled. The store does not know the subscriber's current address,
    /// so an endpoint disabled at any address of that subscriber and channel refuses: the relay would dead-letter it again.
    /// </summary>
    Task<ReplayResult> ReplayAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReplayAsync"/> for every message dead-lettered at or after <paramref name="since"/>, of one
    /// subscriber and one channel when given; those whose endpoint is disabled are refused and stay dead.
    /// </summary>
    Task<ReplayResult> ReplayDeadAsync(DateTimeOffset since, string? subscriberId, DeliveryChannel? channel, CancellationToken cancellationToken);

    /// <summary>
    /// Records a change to a config file made through the console and returns its id (<see cref="ConfigChange.Id"/> is
    /// ignored). The diff is kept as <see cref="ConfigChangeDiff.Bounded"/> gives it; changes older than
    /// <see cref="ConfigChangeLog.Kept"/> are deleted.
    /// </summary>
    Task<long> RecordConfigChangeAsync(ConfigChange change, CancellationToken cancellationToken);

    /// <summary>Sets what the reload made of change <paramref name="id"/>, with its message; throws <see cref="KeyNotFoundException"/> when there is no such change.</summary>
    Task SetConfigChangeOutcomeAsync(long id, ConfigChangeOutcome outcome, string? message, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="limit"/> changes with an id below <paramref name="before"/> (all when null), newest (highest id) first.</summary>
    Task<IReadOnlyList<ConfigChange>> ListConfigChangesAsync(long? before, int limit, CancellationToken cancellationToken);
}
