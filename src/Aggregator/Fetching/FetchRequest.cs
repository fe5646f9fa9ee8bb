namespace Aggregator.Fetching;

/// <summary>What to fetch, with the validators of the previous successful fetch for a conditional GET.</summary>
internal sealed record FetchRequest(Uri Location, string? ETag = null, string? LastModified = null);
