namespace Aggregator.Fetching;

internal enum FetchStatus
{
    /// <summary>A body was read; parse it.</summary>
    Ok,

    /// <summary>304: nothing changed since the validators; parse nothing.</summary>
    NotModified,

    /// <summary>410: the publisher removed the feed; stop polling it.</summary>
    Gone,

    /// <summary>429 or 503: try again no sooner than <see cref="FetchOutcome.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>Anything else that yielded no feed: network error, error status, limit exceeded, refused address.</summary>
    Failed,
}
