using System.Collections.Concurrent;

namespace Aggregator.LoadTest;

/// <summary>
/// What the server saw: each feed's request times (on arrival, before any delay), each alert's arrival at the
/// webhook receiver, the think times it served, the requests the client gave up on, and how many it held open.
/// </summary>
internal sealed class RequestLog(int feeds)
{
    private readonly List<double>[] _requests = Enumerable.Range(0, feeds).Select(_ => new List<double>()).ToArray();
    private readonly ConcurrentDictionary<string, double> _alerts = new(StringComparer.Ordinal);
    private long _notModified;
    private long _full;
    private long _duplicates;
    private readonly List<double> _served = [];
    private readonly List<(double Arrived, double Left)> _abandoned = [];
    private long _open;
    private long _peakOpen;

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

    public long PeakOpen => Interlocked.Read(ref _peakOpen);

    /// <summary>A feed request is being held; dispose the result when it is answered or dropped.</summary>
    public Opened Open()
    {
        var open = Interlocked.Increment(ref _open);
        for (var peak = Interlocked.Read(ref _peakOpen); open > peak; peak = Interlocked.Read(ref _peakOpen))
        {
            if (Interlocked.CompareExchange(ref _peakOpen, open, peak) == peak) break;
        }
        return new Opened(this);
    }

    /// <summary>The think time a request waited (jitter included) before its headers went out.</summary>
    public void Served(double seconds)
    {
        lock (_served) _served.Add(seconds);
    }

    public void Abandoned(double arrived, double left)
    {
        lock (_abandoned) _abandoned.Add((arrived, left));
    }

    public double[] ServedSorted()
    {
        lock (_served) return [.. _served.Order()];
    }

    public (double Arrived, double Left)[] AbandonedRequests()
    {
        lock (_abandoned) return [.. _abandoned];
    }

    internal readonly struct Opened(RequestLog log) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref log._open);
    }
}
