namespace Aggregator.Core.Items;

/// <summary>A feed document reduced to what matching and delivery need; holds no parser objects.</summary>
/// <param name="Format">The syndication format, e.g. <c>rss2.0</c>, <c>atom1.0</c>, <c>jsonfeed</c>.</param>
public sealed record ParsedFeed(string Title, string? Link, string Format, IReadOnlyList<FeedItem> Items)
{
    /// <summary>What the parser cut from a document past its limits (items, repeated values, long texts), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
