namespace Aggregator.Configuration;

internal sealed record PollingOptions
{
    public TimeSpan DefaultEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Floor for every feed's interval, whatever the feed asks for.</summary>
    public TimeSpan MinEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>One deadline for the whole request, body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes, counted after decompression.</summary>
    public long MaxBodySize { get; init; } = 15L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Polls in flight on this node at once; a poll waiting on a slow server holds a slot, not a thread.</summary>
    public int Concurrency { get; init; } = 256;
}
