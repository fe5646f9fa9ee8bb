using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>An outbox message as the console shows it.</summary>
/// <param name="Alert">The queued alert; null when its stored payload cannot be read (<see cref="LastError"/> says so once the relay met it).</param>
/// <param name="PendingRecipients">The email addresses still to reach; null means all of the subscriber's.</param>
internal sealed record DeliveryRecord(
    long Id,
    string SubscriberId,
    Alert? Alert,
    DeliveryChannel Channel,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeadAt,
    string? LastError,
    IReadOnlyList<string>? PendingRecipients);
