namespace Aggregator.Storage;

/// <summary>
/// How a poll ended: what <see cref="FeedState.LastResult"/> keeps (stored by name, see
/// <see cref="PollOutcomeNames"/>) and what a poll reports. A skipped poll is never stored; metrics count
/// a gone or throttled feed as failed.
/// </summary>
internal enum PollOutcome
{
    /// <summary>A new body was parsed (<c>ok</c>).</summary>
    Parsed,
    NotModified,

    /// <summary>The body was the same as last time, so it was not parsed again.</summary>
    Unchanged,
    Skipped,
    Failed,

    /// <summary>410 Gone: the feed is disabled.</summary>
    Gone,
    Throttled,
}
