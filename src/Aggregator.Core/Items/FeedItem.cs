namespace Aggregator.Core.Items;

/// <summary>
/// One entry of a feed, normalised: every text field is plain text (HTML stripped, entities decoded).
/// <see cref="Key"/> is the identity used for dedupe and stays the same across polls.
/// </summary>
public sealed record FeedItem(
    string Key,
    string? Id,
    string Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string Summary,
    string Content,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories);
