namespace Aggregator.Network;

/// <summary>
/// A disposable resource that a reload can replace while it is in use (an HTTP client and its connection
/// pool): callers lease the current one for the length of a request; a replaced one is disposed when its
/// last lease ends, so a request in flight is never cut off and the next one uses the new resource.
/// </summary>
internal sealed class ReplaceableResource<T> : IDisposable where T : class, IDisposable
{
    private readonly object _gate = new();
    private Entry _current;

    public ReplaceableResource(T first) => _current = new Entry(first);

    public Lease Acquire()
    {
        lock (_gate)
        {
            _current.InFlight++;
            return new Lease(this, _current);
        }
    }

    public void Replace(T next)
    {
        lock (_gate)
        {
            var old = _current;
            _current = new Entry(next);
            Retire(old);
        }
    }

    public void Dispose()
    {
        lock (_gate) Retire(_current);
    }

    private void Release(Entry entry)
    {
        lock (_gate)
        {
            entry.InFlight--;
            if (entry.Retired && entry.InFlight == 0) entry.Value.Dispose();
        }
    }

    private static void Retire(Entry entry)
    {
        entry.Retired = true;
        if (entry.InFlight == 0) entry.Value.Dispose();
    }

    /// <summary>The resource in force when it was acquired; dispose the lease when the request is done.</summary>
    internal readonly struct Lease : IDisposable
    {
        private readonly ReplaceableResource<T> _owner;
        private readonly Entry _entry;

        internal Lease(ReplaceableResource<T> owner, Entry entry)
        {
            _owner = owner;
            _entry = entry;
        }

        public T Value => _entry.Value;

        public void Dispose() => _owner.Release(_entry);
    }

    internal sealed class Entry(T value)
    {
        public T Value { get; } = value;

        public int InFlight { get; set; }

        public bool Retired { get; set; }
    }
}
