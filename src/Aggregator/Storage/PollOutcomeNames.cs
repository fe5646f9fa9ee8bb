namespace Aggregator.Storage;

/// <summary>The words a poll outcome is stored under and <c>status</c> shows.</summary>
internal static class PollOutcomeNames
{
    private static readonly StoredNames<PollOutcome> Names = new("poll outcome",
        (PollOutcome.Parsed, "ok"),
        (PollOutcome.NotModified, "not-modified"),
        (PollOutcome.Unchanged, "unchanged"),
        (PollOutcome.Failed, "failed"),
        (PollOutcome.Gone, "gone"),
        (PollOutcome.Throttled, "throttled"));

    public static string Name(PollOutcome outcome) => Names.Name(outcome);

    public static PollOutcome Parse(string name) => Names.Parse(name);
}
