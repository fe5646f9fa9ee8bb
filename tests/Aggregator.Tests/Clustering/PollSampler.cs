using Aggregator.Tests.Support;

namespace Aggregator.Tests.Clustering;

/// <summary>Samples the request counters of the feed servers every 100 ms, to find how long a feed went unpolled.</summary>
internal sealed class PollSampler : IAsyncDisposable
{
    private readonly IReadOnlyList<FeedServer> _feeds;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly List<(DateTime At, int[] Requests)> _samples = [];

    public PollSampler(IReadOnlyList<FeedServer> feeds)
    {
        _feeds = feeds;
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var sample = (DateTime.UtcNow, _feeds.Select(f => f.Requests).ToArray());
            lock (_gate) _samples.Add(sample);
            try
            {
                await Task.Delay(100, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>For each feed, the longest stretch after <paramref name="from"/> without a new request.</summary>
    public TimeSpan[] LongestGaps(DateTime from)
    {
        List<(DateTime At, int[] Requests)> samples;
        lock (_gate) samples = [.. _samples.Where(s => s.At >= from)];
        var gaps = new TimeSpan[_feeds.Count];
        for (var f = 0; f < _feeds.Count; f++)
        {
            if (samples.Count == 0) break;
            var lastChange = samples[0].At;
            var lastCount = samples[0].Requests[f];
            foreach (var (at, requests) in samples)
            {
                if (requests[f] != lastCount)
                {
                    lastCount = requests[f];
                    lastChange = at;
                }
                if (at - lastChange > gaps[f]) gaps[f] = at - lastChange;
            }
        }
        return gaps;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
