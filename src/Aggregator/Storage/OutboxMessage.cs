using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>A queued alert as claimed by the relay.</summary>
/// <param name="PendingRecipients">
/// The email addresses still to reach after the server accepted the others; null means all of the
/// subscriber's addresses.
/// </param>
internal sealed record OutboxMessage(
    long Id,
    Alert Alert,
    DeliveryChannel Channel,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<string>? PendingRecipients = null);
