namespace Aggregator.Fetching;

/// <summary>A slot taken from a <see cref="HostThrottle"/>; disposing it twice releases once.</summary>
internal sealed class HostLease(SemaphoreSlim gate) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
    }
}
