using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>A queued alert as claimed by the relay.</summary>
internal sealed record OutboxMessage(
    long Id,
    Alert Alert,
    DeliveryChannel Channel,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt);
