namespace Aggregator.Storage;

/// <summary>The names channels are stored under; stable, unlike enum numbers.</summary>
internal static class DeliveryChannelNames
{
    public static string Name(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => "email",
        DeliveryChannel.Webhook => "webhook",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "unknown delivery channel"),
    };

    public static DeliveryChannel Parse(string name) => name switch
    {
        "email" => DeliveryChannel.Email,
        "webhook" => DeliveryChannel.Webhook,
        _ => throw new FormatException($"unknown delivery channel '{name}'"),
    };
}
