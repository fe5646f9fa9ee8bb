namespace Aggregator.Core.Opml;

/// <summary>A configured feed as exported; the id stands in for a missing title.</summary>
internal sealed record OpmlFeed(string Id, string Url, IReadOnlyList<string> Tags, string? Title = null);
