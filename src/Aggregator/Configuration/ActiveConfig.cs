namespace Aggregator.Configuration;

/// <summary>The configuration in force. Readers take <see cref="Current"/> once per unit of work.</summary>
internal sealed class ActiveConfig(ConfigSnapshot initial)
{
    private ConfigSnapshot _current = initial;

    public ConfigSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new snapshot is in force.</summary>
    public event Action<ConfigSnapshot>? Changed;

    public void Swap(ConfigSnapshot next)
    {
        Volatile.Write(ref _current, next);
        Changed?.Invoke(next);
    }
}
