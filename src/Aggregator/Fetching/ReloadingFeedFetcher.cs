using Aggregator.Configuration;
using Aggregator.Network;
using Microsoft.Extensions.Logging;

namespace Aggregator.Fetching;

/// <summary>
/// The worker's fetcher: a <see cref="FeedFetcher"/> built from the config in force, replaced when a reload
/// changes how feeds are fetched (<c>polling.timeout</c>, <c>maxBodySize</c>, <c>maxRedirects</c>,
/// <c>perHostConcurrency</c>, or the <c>network</c> policy). A new fetcher is a new client and connection
/// pool, so no connection opened under a looser policy is reused. Fetches already running finish on the
/// fetcher they started with. While both run, a host may see the old and the new per-host limit added together.
/// </summary>
internal sealed class ReloadingFeedFetcher : IFeedFetcher, IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger<FeedFetcher> _logger;
    private readonly ReplaceableResource<FeedFetcher> _fetchers;
    private readonly object _apply = new();
    private SettingsOptions _settings;

    public ReloadingFeedFetcher(ActiveConfig active, TimeProvider time, ILogger<FeedFetcher> logger)
    {
        _time = time;
        _logger = logger;
        _settings = active.Current.Config.Settings;
        _fetchers = new ReplaceableResource<FeedFetcher>(Build(_settings));
        active.Changed += next => Apply(next.Config.Settings);
    }

    public async Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var lease = _fetchers.Acquire();
        return await lease.Value.FetchAsync(request, cancellationToken);
    }

    public void Dispose() => _fetchers.Dispose();

    private void Apply(SettingsOptions settings)
    {
        lock (_apply)
        {
            if (SameFetching(_settings.Polling, settings.Polling) && _settings.Network == settings.Network) return;
            _settings = settings;
            _fetchers.Replace(Build(settings));
        }
        var polling = settings.Polling;
        _logger.LogInformation(
            "Fetch settings changed (timeout {Timeout}, max body {MaxBodySize} bytes, {MaxRedirects} redirects, {PerHost} per host, network policy included): they apply from the next fetch",
            polling.Timeout, polling.MaxBodySize, polling.MaxRedirects, polling.PerHostConcurrency);
    }

    private FeedFetcher Build(SettingsOptions settings) => new(settings.Polling, settings.Network, _time, _logger);

    /// <summary>Intervals (<c>defaultEvery</c>, <c>minEvery</c>) are the schedule's business, not the fetcher's.</summary>
    private static bool SameFetching(PollingOptions a, PollingOptions b) =>
        a.Timeout == b.Timeout && a.MaxBodySize == b.MaxBodySize && a.MaxRedirects == b.MaxRedirects
        && a.PerHostConcurrency == b.PerHostConcurrency;
}
