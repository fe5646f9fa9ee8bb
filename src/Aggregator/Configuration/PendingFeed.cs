namespace Aggregator.Configuration;

/// <summary>
/// A feed as read, before <c>polling</c> settings (possibly from a later file) give its interval or bound its cron;
/// <see cref="CronAt"/> is where its cron is written.
/// </summary>
internal sealed record PendingFeed(FeedDefinition Definition, Located<TimeSpan>? Every, SourceLocation? CronAt);
