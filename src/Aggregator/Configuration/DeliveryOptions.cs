namespace Aggregator.Configuration;

internal sealed record DeliveryOptions
{
    public TimeSpan RetryInitial { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromHours(1);

    /// <summary>An alert not delivered within this time of being queued is dead-lettered.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(72);
}
