using Aggregator.Core.Items;

namespace Aggregator.Commands;

/// <summary>The <c>parse --json</c> object (README.md#commands).</summary>
internal sealed record ParseOutput(string Input, string Title, string? Link, string Format, IReadOnlyList<ParseOutput.Item> Items)
{
    public static ParseOutput From(string input, ParsedFeed feed) =>
        new(input, feed.Title, feed.Link, feed.Format, [.. feed.Items.Select(i => new Item(
            i.Key, i.Id, i.Title, i.Link, i.Published?.UtcDateTime, i.Updated?.UtcDateTime,
            i.Summary, i.Content, i.Authors, i.Categories))]);

    internal sealed record Item(
        string Key,
        string? Id,
        string Title,
        string? Link,
        DateTime? Published,
        DateTime? Updated,
        string Summary,
        string Content,
        IReadOnlyList<string> Authors,
        IReadOnlyList<string> Categories);
}
