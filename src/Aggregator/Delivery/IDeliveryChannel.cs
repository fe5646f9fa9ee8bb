using Aggregator.Storage;

namespace Aggregator.Delivery;

/// <summary>A way of reaching subscribers. A channel never throws for one message's failure: it reports it.</summary>
internal interface IDeliveryChannel
{
    DeliveryChannel Channel { get; }

    /// <summary>Sends a batch (one connection where the transport allows); one result per envelope, in order.</summary>
    Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<DeliveryEnvelope> batch, CancellationToken cancellationToken);
}
