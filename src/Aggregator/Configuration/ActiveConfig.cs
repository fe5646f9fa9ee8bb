namespace Aggregator.Configuration;

/// <summary>The configuration in force. Readers take <see cref="Current"/> once per unit of work.</summary>
internal sealed class ActiveConfig(ConfigSnapshot initial)
{
    private ConfigSnapshot _current = initial;
    private long _generation = 1;

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>How many configurations have been in force: 1 at start, one more per accepted reload.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Raised after a new snapshot is in force.</summary>
    public event Action<ConfigSnapshot>? Changed;

    public void Swap(ConfigSnapshot next)
    {
        Volatile.Write(ref _current, next);
        Interlocked.Increment(ref _generation);
        Changed?.Invoke(next);
    }
}
