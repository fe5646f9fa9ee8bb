namespace Aggregator.Core.Opml;

/// <summary>
/// A subscription not planned because its URL is already a feed: one in the configuration
/// (<see cref="InConfiguration"/>) or one planned from earlier in the same file.
/// </summary>
internal sealed record DuplicateFeed(string Url, string Title, string DuplicateOfId, bool InConfiguration);
