namespace Aggregator.Core.Opml;

/// <summary>A feed already in the configuration, as an import needs to know it.</summary>
internal sealed record ExistingFeed(string Id, string Url);
