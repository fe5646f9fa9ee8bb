namespace Aggregator.Configuration;

internal sealed record AlertOptions
{
    /// <summary>Items published longer ago than this are recorded as seen and never alerted.</summary>
    public TimeSpan MaxItemAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Subscribers told about failing feeds and dead-lettered deliveries.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];
}
