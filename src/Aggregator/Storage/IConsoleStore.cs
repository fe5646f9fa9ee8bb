namespace Aggregator.Storage;

/// <summary>
/// What the operator console reads and does: each feed's recent polls (<c>poll_log</c>, written by the poller's
/// commit, <see cref="PollCommit.Log"/>) and the delivery history of the outbox.
/// </summary>
internal interface IConsoleStore
{
    /// <summary>The feed's last <paramref name="limit"/> polls, newest first.</summary>
    Task<IReadOnlyList<PollLogEntry>> ListPollsAsync(string feedId, int limit, CancellationToken cancellationToken);

    /// <summary>Every feed's last <paramref name="perFeed"/> polls, newest first, in one query; feeds never polled are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RecentPoll>>> ListRecentPollsAsync(int perFeed, CancellationToken cancellationToken);

    /// <summary>Outbox messages matching <paramref name="query"/>, newest (highest id) first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken);

    Task<DeliveryRecord?> GetMessageAsync(long id, CancellationToken cancellationToken);
}
