namespace Aggregator.Configuration;

/// <summary>One entry of <c>feeds</c>.</summary>
internal sealed record FeedDefinition
{
    public required string Id { get; init; }

    /// <summary>As written in the file: an http(s) URL or a path relative to the config directory.</summary>
    public required string Url { get; init; }

    /// <summary>Resolved: an absolute http(s) URI, or a <c>file:</c> URI for a local path.</summary>
    public required Uri Location { get; init; }

    /// <summary>Poll interval, already raised to <c>polling.minEvery</c>; null when <see cref="Cron"/> is set.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>A Quartz cron expression, instead of <see cref="Every"/>.</summary>
    public string? Cron { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
    public FirstPoll FirstPoll { get; init; } = FirstPoll.Baseline;
}

internal enum FirstPoll
{
    /// <summary>Record the items present at the first poll without alerting.</summary>
    Baseline,

    /// <summary>Alert on matching items present at the first poll too.</summary>
    Notify,
}
