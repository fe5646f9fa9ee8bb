namespace Aggregator.Configuration;

/// <summary>A feed as read, before <c>polling</c> settings (possibly from a later file) give its interval.</summary>
internal sealed record PendingFeed(FeedDefinition Definition, Located<TimeSpan>? Every);
