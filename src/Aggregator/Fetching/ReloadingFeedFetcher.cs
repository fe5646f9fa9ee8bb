using Aggregator.Configuration;
using Aggregator.Runtime;
using Microsoft.Extensions.Logging;

namespace Aggregator.Fetching;

/// <summary>
/// The worker's fetcher: a <see cref="FeedFetcher"/> built from the config in force, replaced when a reload
/// changes how feeds are fetched (<c>polling.timeout</c>, <c>maxBodySize</c>, <c>maxRedirects</c>,
/// <c>perHostConcurrency</c>). Fetches already running finish on the fetcher they started with, which is
/// disposed after the last of them; the next fetch uses the new settings. While both run, a host may see
/// the old and the new per-host limit added together, for as long as the old fetches last.
/// </summary>
internal sealed class ReloadingFeedFetcher : IFeedFetcher, IDisposable
{
    private readonly NetworkOptions _network;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedFetcher> _logger;
    private readonly object _swap = new();
    private Generation _current;

    public ReloadingFeedFetcher(ActiveConfig active, NetworkOptions network, TimeProvider time, ILogger<FeedFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(active);
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _current = Build(active.Current.Config.Settings.Polling);
        active.Changed += next => Apply(next.Config.Settings.Polling);
    }

    public async Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var generation = Enter();
        try
        {
            return await generation.Fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(generation);
        }
    }

    public void Dispose()
    {
        lock (_swap) Retire(_current);
    }

    private void Apply(PollingOptions polling)
    {
        lock (_swap)
        {
            if (SameFetching(_current.Polling, polling)) return;
            var old = _current;
            _current = Build(polling);
            Retire(old);
        }
        _logger.LogInformation(
            "Fetch settings changed (timeout {Timeout}, max body {MaxBodySize} bytes, {MaxRedirects} redirects, {PerHost} per host): they apply from the next fetch",
            polling.Timeout, polling.MaxBodySize, polling.MaxRedirects, polling.PerHostConcurrency);
    }

    private Generation Enter()
    {
        lock (_swap)
        {
            _current.InFlight++;
            return _current;
        }
    }

    private void Leave(Generation generation)
    {
        lock (_swap)
        {
            generation.InFlight--;
            if (generation.Retired && generation.InFlight == 0) generation.Fetcher.Dispose();
        }
    }

    private static void Retire(Generation generation)
    {
        generation.Retired = true;
        if (generation.InFlight == 0) generation.Fetcher.Dispose();
    }

    private Generation Build(PollingOptions polling) => new(new FeedFetcher(polling, _network, _time, _logger), polling);

    /// <summary>Intervals (<c>defaultEvery</c>, <c>minEvery</c>) are the schedule's business, not the fetcher's.</summary>
    private static bool SameFetching(PollingOptions a, PollingOptions b) =>
        a.Timeout == b.Timeout && a.MaxBodySize == b.MaxBodySize && a.MaxRedirects == b.MaxRedirects
        && a.PerHostConcurrency == b.PerHostConcurrency;

    private sealed class Generation(FeedFetcher fetcher, PollingOptions polling)
    {
        public FeedFetcher Fetcher { get; } = fetcher;

        public PollingOptions Polling { get; } = polling;

        public int InFlight { get; set; }

        public bool Retired { get; set; }
    }
}
