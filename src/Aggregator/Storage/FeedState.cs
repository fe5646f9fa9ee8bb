namespace Aggregator.Storage;

/// <summary>What the worker keeps about a feed between polls.</summary>
internal sealed record FeedState
{
    public required string FeedId { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Hash of the last body parsed; an identical body skips parsing.</summary>
    public string? BodyHash { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>Null until the first poll ends; never <see cref="PollOutcome.Skipped"/>.</summary>
    public PollOutcome? LastResult { get; init; }

    public int? LastHttpStatus { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }
    public DateTimeOffset? LastNewItemAt { get; init; }
    public long ItemsSeen { get; init; }

    /// <summary>No poll happens before this (Retry-After, failure backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Set when the publisher answered 410 Gone.</summary>
    public bool Disabled { get; init; }

    public string? PermanentRedirect { get; init; }
}
