using System.Collections.Concurrent;

namespace Aggregator.Fetching;

/// <summary>
/// At most N requests in flight per host, so many feeds on one publisher do not hammer it.
/// One semaphore per host name, kept for the life of the process (bounded by the hosts in config).
/// </summary>
internal sealed class HostThrottle(int perHost) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _perHost = perHost > 0 ? perHost : throw new ArgumentOutOfRangeException(nameof(perHost), perHost, "must be at least 1");

    /// <summary>Waits for a slot on the host; dispose the lease to give it back.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(host, _ => new SemaphoreSlim(_perHost, _perHost));
        await gate.WaitAsync(cancellationToken);
        return new HostLease(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values) gate.Dispose();
        _gates.Clear();
    }
}
