using System.Collections.Concurrent;

namespace Aggregator.LoadTest;

/// <summary>What the server saw: each feed's request times, and each alert's arrival at the webhook receiver.</summary>
internal sealed class RequestLog(int feeds)
{
    private readonly List<double>[] _requests = Enumerable.Range(0, feeds).Select(_ => new List<double>()).ToArray();
    private readonly ConcurrentDictionary<string, double> _alerts = new(StringComparer.Ordinal);
    private long _notModified;
    private long _full;
    private long _duplicates;

    public long NotModified => Interlocked.Read(ref _notModified);
    public long Full => Interlocked.Read(ref _full);
    public long DuplicateAlerts => Interlocked.Read(ref _duplicates);

    public void Request(int feed, double at, bool notModified)
    {
        var list = _requests[feed];
        lock (list) list.Add(at);
        if (notModified) Interlocked.Increment(ref _notModified);
        else Interlocked.Increment(ref _full);
    }

    /// <summary>Records an alert for the item; a second delivery of the same item counts as a duplicate.</summary>
    public void Alert(string itemId, double at)
    {
        if (!_alerts.TryAdd(itemId, at)) Interlocked.Increment(ref _duplicates);
    }

    public double[] RequestsOf(int feed)
    {
        var list = _requests[feed];
        lock (list) return [.. list];
    }

    public IReadOnlyDictionary<string, double> Alerts => _alerts;
}
