using Aggregator.Configuration;
using Aggregator.Delivery.Email;
using Aggregator.Delivery.Webhooks;
using Aggregator.Observability;
using Aggregator.PublicPages;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the relay (with <paramref name="timings"/>, or the default lease), its background loop, and the
    /// email and webhook channels. Webhook URLs are untrusted input like feed URLs: <see cref="WebhookClients"/>
    /// always posts through the network guard of the config in force. Subscribers and settings are read from the
    /// <see cref="ActiveConfig"/> at each pass, so they follow reloads. Needs a <see cref="TimeProvider"/>, an
    /// <see cref="ActiveConfig"/> and an <see cref="Storage.IStateStore"/>.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, RelayTimings? timings = null)
    {
        services.AddSingleton(timings ?? RelayTimings.Default);
        services.AddSingleton<SubscriberLinks>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddSingleton<WebhookClients>();
        services.AddMetrics();
        services.AddSingleton<AggregatorMetrics>();
        services.AddSingleton<RelaySignal>();
        services.AddSingleton<DeliveryRelay>();
        services.AddHostedService<DeliveryRelayService>();
        return services;
    }
}
