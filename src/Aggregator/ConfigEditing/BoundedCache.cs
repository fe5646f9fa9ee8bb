namespace Aggregator.ConfigEditing;

/// <summary>A small map that forgets its oldest entry when full; thread-safe.</summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, TValue> _values = [];
    private readonly Queue<TKey> _order = new();

    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (!_values.ContainsKey(key))
            {
                _order.Enqueue(key);
                if (_order.Count > capacity) _values.Remove(_order.Dequeue());
            }
            _values[key] = value;
        }
    }

    public TValue? Get(TKey key)
    {
        lock (_lock) return _values.GetValueOrDefault(key);
    }
}
