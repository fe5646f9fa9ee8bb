namespace Aggregator.Core.Opml;

/// <summary>A feed to add to the configuration as a <c>feeds:</c> entry with this id, url and tags.</summary>
internal sealed record PlannedFeed(string Id, string Url, IReadOnlyList<string> Tags, string Title);
