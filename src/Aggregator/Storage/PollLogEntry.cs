namespace Aggregator.Storage;

/// <summary>
/// One poll of a feed as the <c>poll_log</c> keeps it (the last <see cref="PollLog.KeptPerFeed"/> per feed), for the console.
/// </summary>
/// <param name="BytesReceived">The body's size after decompression; null when no body was read (304, failures).</param>
/// <param name="NewItems">Items not seen before that this poll recorded.</param>
/// <param name="FinalUrl">Where the request ended when it was redirected; null when it was not.</param>
internal sealed record PollLogEntry(
    string FeedId,
    DateTimeOffset PolledAt,
    PollOutcome Outcome,
    int? HttpStatus,
    long? BytesReceived,
    TimeSpan Duration,
    int NewItems,
    string? Error,
    string? FinalUrl);

/// <summary>One mark of a feed's strip of recent polls: when, how it ended, the HTTP status, and the new items it found.</summary>
internal sealed record RecentPoll(DateTimeOffset PolledAt, PollOutcome Outcome, int? HttpStatus, int NewItems);

internal static class PollLog
{
    /// <summary>Entries kept per feed; each poll's insert deletes the ones older than this many.</summary>
    public const int KeptPerFeed = 50;
}
