namespace Aggregator.Core.Items;

/// <summary>
/// An item as the worker read it, kept in the item archive for backtests and explanations: the feed it came from, when
/// it was first seen, whether that poll was the feed's baseline (never alerted) or recognised it as an item seen before
/// under another key (never alerted either), and the rules whose queries matched it then.
/// </summary>
public sealed record ArchivedItem(
    string FeedId,
    FeedItem Item,
    DateTimeOffset SeenAt,
    bool Baseline,
    bool SeenBefore,
    IReadOnlyList<string> MatchedRuleIds)
{
    /// <summary>Whether the item was older than <paramref name="maxItemAge"/> when it was seen (by its published, else updated, date).</summary>
    public bool TooOld(TimeSpan maxItemAge) => (Item.Published ?? Item.Updated) < SeenAt - maxItemAge;
}
