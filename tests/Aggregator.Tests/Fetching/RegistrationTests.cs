using Aggregator.Configuration;
using Aggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Tests.Fetching;

public sealed class RegistrationTests
{
    [Fact]
    public void AddFeedFetching_registers_one_fetcher_and_the_network_policy()
    {
        var services = new ServiceCollection()
            .AddSingleton(new PollingOptions())
            .AddSingleton(new NetworkOptions { AllowedPrivateNetworks = ["10.0.0.0/8"] })
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddFeedFetching();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var fetcher = provider.GetRequiredService<IFeedFetcher>();
        fetcher.ShouldBeOfType<FeedFetcher>();
        provider.GetRequiredService<IFeedFetcher>().ShouldBeSameAs(fetcher);
        provider.GetRequiredService<NetworkPolicy>().IsAllowed(System.Net.IPAddress.Parse("10.9.9.9")).ShouldBeTrue();
        provider.GetRequiredService<TimeProvider>().ShouldBe(TimeProvider.System);
    }
}
