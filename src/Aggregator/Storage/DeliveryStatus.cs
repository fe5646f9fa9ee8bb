namespace Aggregator.Storage;

/// <summary>Where an outbox message stands, derived from its columns (see <see cref="StoredRows.DeliveryStatusCondition"/>).</summary>
internal enum DeliveryStatus
{
    /// <summary>Pending, not failed yet.</summary>
    Queued,

    /// <summary>Pending after at least one failure: due again at its due time.</summary>
    Retrying,
    Sent,

    /// <summary>Dead-lettered: nothing more is tried unless it is replayed.</summary>
    Dead,

    /// <summary>Not sent because the subscriber unsubscribed, paused or muted it after it was queued: never retried.</summary>
    Suppressed,
}
