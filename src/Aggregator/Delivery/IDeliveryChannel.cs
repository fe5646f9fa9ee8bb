using Aggregator.Storage;

namespace Aggregator.Delivery;

/// <summary>A way of reaching subscribers. A channel never throws for one message's failure: it reports it.</summary>
internal interface IDeliveryChannel
{
    DeliveryChannel Channel { get; }

    /// <summary>
    /// Sends a batch (one connection where the transport allows); one result per envelope, in order. When
    /// <paramref name="cancellationToken"/> fires, the current and remaining envelopes are reported
    /// <see cref="DeliveryOutcome.Interrupted"/> rather than thrown away by an exception.
    /// </summary>
    Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<DeliveryEnvelope> batch, CancellationToken cancellationToken);
}
