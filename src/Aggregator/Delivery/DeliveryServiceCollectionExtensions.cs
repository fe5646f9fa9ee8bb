using Aggregator.Configuration;
using Aggregator.Delivery.Email;
using Aggregator.Delivery.Webhooks;
using Aggregator.Fetching;
using Aggregator.Observability;
using Aggregator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the relay, its background loop, the email and webhook channels and the webhook
    /// <see cref="WebhookClients"/> (redirects off) unless the host registered its own.
    /// Subscribers and settings are read from the <see cref="ActiveConfig"/> in force at each pass, so they follow
    /// reloads. Needs an <see cref="ActiveConfig"/> and an <see cref="Storage.IStateStore"/>.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        // Webhook URLs are untrusted input like feed URLs: the same connect-time guard applies when a network
        // policy is registered (the worker registers clients that follow reloads instead).
        services.TryAddSingleton(sp => new WebhookClients(sp.GetService<NetworkOptions>()));
        services.AddMetrics();
        services.TryAddSingleton<AggregatorMetrics>();
        services.AddSingleton<RelaySignal>();
        services.AddSingleton<DeliveryRelay>();
        services.AddHostedService<DeliveryRelayService>();
        return services;
    }
}
