using Aggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Fetching;

internal static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedFetcher"/> (one shared client for the process) and the
    /// <see cref="NetworkPolicy"/> built from <see cref="NetworkOptions"/>. Needs <see cref="PollingOptions"/> and
    /// <see cref="NetworkOptions"/> registered as singletons; adds <see cref="TimeProvider.System"/> if no clock is.
    /// </summary>
    public static IServiceCollection AddFeedFetching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new NetworkPolicy(sp.GetRequiredService<NetworkOptions>()));
        services.TryAddSingleton<IFeedFetcher, FeedFetcher>();
        return services;
    }
}
