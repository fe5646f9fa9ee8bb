namespace Aggregator.Storage;

/// <summary>
/// Delivery health of one subscriber's channel, for <c>status</c>. <see cref="Queued"/> counts every message
/// not yet sent nor dead-lettered; <see cref="Failed"/> is the part of it that has failed at least once.
/// <see cref="WaitingFor"/> lists the addresses still to reach of messages others already received (a
/// recipient the server refused for now), in order. <see cref="Suppressed"/> counts those a subscriber's choice stopped.
/// </summary>
internal sealed record DeliveryCounts(
    string SubscriberId,
    DeliveryChannel Channel,
    int Queued,
    int Sent,
    int Failed,
    int Dead,
    DateTimeOffset? LastSentAt,
    string? LastError,
    IReadOnlyList<string> WaitingFor,
    int Suppressed = 0);
