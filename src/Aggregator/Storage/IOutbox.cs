namespace Aggregator.Storage;

/// <summary>
/// The outbox: messages queued for subscribers, claimed by the relay under a lease, and settled as sent,
/// due again, or dead-lettered. Alerts found by a poll are queued with its commit (<see cref="IPollStore.CommitPollAsync"/>);
/// dead letters are replayed from the console (<see cref="IConsoleStore.ReplayAsync"/>).
/// </summary>
internal interface IOutbox
{
    /// <summary>Queues messages not tied to a feed item (operator notices); an alert already queued for a channel is skipped.</summary>
    /// <returns>The number of messages queued.</returns>
    Task<int> QueueAsync(IReadOnlyList<OutboxDraft> drafts, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the messages due at <paramref name="now"/> of up to <paramref name="limit"/> groups, each leased for
    /// <paramref name="lease"/>. A group is one subscriber's messages on one channel with one due time, so a
    /// digest window is claimed whole and goes out as one digest however many alerts it holds.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the message sent, keeping <paramref name="note"/> (a recipient refused for good) as its last error when there is one.</summary>
    Task MarkSentAsync(long id, DateTimeOffset at, string? note, CancellationToken cancellationToken);

    /// <summary>
    /// Due again at <paramref name="dueAt"/>: for the same recipients as before when <paramref name="recipients"/> is null,
    /// else from now on only for those (the others have it).
    /// </summary>
    Task RescheduleAsync(long id, DateTimeOffset dueAt, string error, IReadOnlyList<string>? recipients, CancellationToken cancellationToken);

    /// <summary>Ends a pending message as suppressed (a subscriber's choice stopped it), keeping <paramref name="reason"/> as its last error.</summary>
    Task SuppressAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    Task DeadLetterAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken);

    /// <summary>When the longest-waiting message that is due and not yet sent became due; null when none is due.</summary>
    Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends the lease of claimed messages that were not attempted (shutdown, pass out of time): they are due again at once.</summary>
    Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the endpoint refused further messages and dead-letters every pending message of that
    /// subscriber's channel with its reason.
    /// </summary>
    /// <returns>The number of messages dead-lettered.</returns>
    Task<int> DisableEndpointAsync(DisabledEndpoint endpoint, CancellationToken cancellationToken);

    Task<bool> IsEndpointDisabledAsync(string subscriberId, DeliveryChannel channel, string target, CancellationToken cancellationToken);

    /// <summary>
    /// The copies of stories recorded instead of being sent (see <see cref="StoredStories"/>): those grouped with any of
    /// <paramref name="alertIds"/>, and those that are themselves among them.
    /// </summary>
    Task<IReadOnlyList<StoryCopy>> StoryCopiesAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes outbox messages sent or dead-lettered before <paramref name="before"/> (pending ones are kept whatever their age),
    /// and the stories and copies recorded before it.
    /// </summary>
    /// <returns>The number of messages deleted.</returns>
    Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
