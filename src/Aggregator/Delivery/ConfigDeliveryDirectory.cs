using Aggregator.Configuration;

namespace Aggregator.Delivery;

/// <summary>Answers from whatever configuration <paramref name="current"/> returns at the time of the call.</summary>
internal sealed class ConfigDeliveryDirectory(Func<AggregatorConfig> current) : ISubscriberDirectory, IDeliverySettings
{
    public DeliveryOptions Delivery => current().Settings.Delivery;

    public SmtpOptions Smtp => current().Settings.Smtp;

    public IReadOnlyList<string> Operators => current().Settings.Alerts.Operators;

    public SubscriberDefinition? Find(string id) =>
        current().Subscribers.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
}
