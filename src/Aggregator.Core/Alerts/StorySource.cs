namespace Aggregator.Core.Alerts;

/// <summary>Another copy of an alert's story: where it appeared, grouped with the alert instead of being sent.</summary>
public sealed record StorySource(string FeedId, string FeedTitle, string Title, string? Link, DateTimeOffset At);
