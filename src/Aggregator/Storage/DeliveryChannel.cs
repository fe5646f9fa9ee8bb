namespace Aggregator.Storage;

/// <summary>How an alert reaches a subscriber; stored by name (<see cref="DeliveryChannelNames"/>).</summary>
internal enum DeliveryChannel
{
    Email,
    Webhook,
}
