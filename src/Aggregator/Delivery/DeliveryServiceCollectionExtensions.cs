using Aggregator.Configuration;
using Aggregator.Delivery.Email;
using Aggregator.Delivery.Webhooks;
using Aggregator.Fetching;
using Aggregator.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Delivery;

internal static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the relay, its background loop, the email and webhook channels and the <c>webhooks</c>
    /// HttpClient (redirects off). <paramref name="currentConfig"/> returns the configuration in force
    /// at each call, so subscribers and settings follow reloads. Needs an <see cref="Storage.IStateStore"/>.
    /// A host that swaps the <c>webhooks</c> primary handler (network policy) must keep redirects off:
    /// a 3xx is a failure to report, never a hop to follow.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, Func<IServiceProvider, Func<AggregatorConfig>> currentConfig)
    {
        ArgumentNullException.ThrowIfNull(currentConfig);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ConfigDeliveryDirectory(currentConfig(sp)));
        services.AddSingleton<ISubscriberDirectory>(sp => sp.GetRequiredService<ConfigDeliveryDirectory>());
        services.AddSingleton<IDeliverySettings>(sp => sp.GetRequiredService<ConfigDeliveryDirectory>());
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddHttpClient(WebhookChannel.HttpClientName)
            // Webhook URLs are untrusted input like feed URLs: the same connect-time guard applies when the
            // network policy is registered (it is in the worker). The guarded handler never follows redirects.
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetService<NetworkPolicy>() is { } policy
                ? GuardedHttpHandler.Create(policy)
                : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddMetrics();
        services.TryAddSingleton<AggregatorMetrics>();
        services.AddSingleton<RelaySignal>();
        services.AddSingleton<DeliveryRelay>();
        services.AddHostedService<DeliveryRelayService>();
        return services;
    }
}
