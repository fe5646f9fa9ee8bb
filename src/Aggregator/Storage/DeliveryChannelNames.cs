namespace Aggregator.Storage;

/// <summary>The names channels are stored under.</summary>
internal static class DeliveryChannelNames
{
    private static readonly StoredNames<DeliveryChannel> Names = new("delivery channel",
        (DeliveryChannel.Email, "email"),
        (DeliveryChannel.Webhook, "webhook"));

    public static string Name(DeliveryChannel channel) => Names.Name(channel);

    public static DeliveryChannel Parse(string name) => Names.Parse(name);
}
