using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>What one poll did, for logs, metrics and tests.</summary>
internal sealed record PollResult(PollOutcome Outcome, int NewItems = 0, int Queued = 0, string? Detail = null)
{
    public static PollResult NotModified { get; } = new(PollOutcome.NotModified);
    public static PollResult Unchanged { get; } = new(PollOutcome.Unchanged);

    public static PollResult Parsed(int newItems, int queued) => new(PollOutcome.Parsed, newItems, queued);

    public static PollResult Skipped(string why) => new(PollOutcome.Skipped, Detail: why);

    public static PollResult Failed(string error) => new(PollOutcome.Failed, Detail: error);
}
