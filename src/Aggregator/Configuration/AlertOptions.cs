namespace Aggregator.Configuration;

internal sealed record AlertOptions
{
    /// <summary>Items published longer ago than this are recorded as seen and never alerted.</summary>
    public TimeSpan MaxItemAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>A feed whose polls fail this many times in a row is reported to the operators, once per incident.</summary>
    public int FeedFailingAfter { get; init; } = 5;

    /// <summary>A feed with no new item for this long is reported to the operators, once per silence; null: never.</summary>
    public TimeSpan? FeedSilentAfter { get; init; }

    /// <summary>
    /// How long an alert stands for its story: a copy of the same story (same link, title or text, from any feed) matched
    /// by the same rule for the same subscriber within this time is recorded with the first alert, not sent. Null: off.
    /// </summary>
    public TimeSpan? StoryWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Subscribers told about failing feeds and dead-lettered deliveries.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];
}
