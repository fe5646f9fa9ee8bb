namespace Aggregator.Storage;

/// <summary>The words a poll outcome is stored under and <c>status</c> shows; stable, unlike enum numbers.</summary>
internal static class PollOutcomeNames
{
    public static string Name(PollOutcome outcome) => outcome switch
    {
        PollOutcome.Parsed => "ok",
        PollOutcome.NotModified => "not-modified",
        PollOutcome.Unchanged => "unchanged",
        PollOutcome.Failed => "failed",
        PollOutcome.Gone => "gone",
        PollOutcome.Throttled => "throttled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a stored poll outcome"),
    };

    public static PollOutcome Parse(string name) => name switch
    {
        "ok" => PollOutcome.Parsed,
        "not-modified" => PollOutcome.NotModified,
        "unchanged" => PollOutcome.Unchanged,
        "failed" => PollOutcome.Failed,
        "gone" => PollOutcome.Gone,
        "throttled" => PollOutcome.Throttled,
        _ => throw new FormatException($"unknown poll outcome '{name}'"),
    };
}
