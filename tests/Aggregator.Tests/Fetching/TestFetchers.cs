using Aggregator.Configuration;
using Aggregator.Fetching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Tests.Fetching;

internal static class TestFetchers
{
    /// <summary>The test servers live on loopback, which the guard refuses by default.</summary>
    public static readonly NetworkOptions LoopbackAllowed = new() { AllowedPrivateNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")] };

    public static PollingOptions Polling(TimeSpan? timeout = null, long maxBodySize = 1024 * 1024, int maxRedirects = 5, int perHost = 2) => new()
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(3),
        MaxBodySize = maxBodySize,
        MaxRedirects = maxRedirects,
        PerHostConcurrency = perHost,
    };

    public static FeedFetcher Create(PollingOptions? polling = null, NetworkOptions? network = null, TimeProvider? time = null) =>
        new(polling ?? Polling(), network ?? LoopbackAllowed, time ?? TimeProvider.System, NullLogger<FeedFetcher>.Instance);

    public static Task<FetchOutcome> FetchAsync(this FeedFetcher fetcher, Uri location, string? etag = null, string? lastModified = null) =>
        fetcher.FetchAsync(new FetchRequest(location, etag, lastModified), TestContext.Current.CancellationToken);
}
