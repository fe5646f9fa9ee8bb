using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Core.Alerts;

/// <summary>
/// One item that matched one or more rules for one subscriber. It is delivered as one message whatever
/// the number of rules; <see cref="AlertId"/> is derived from (subscriber, feed, item key) so a resend
/// after a crash carries the same id.
/// </summary>
/// <param name="Also">Other copies of the item's story, grouped with this alert rather than sent; filled in for a digest as it goes out.</param>
public sealed record Alert(
    string AlertId,
    string SubscriberId,
    FeedRef Feed,
    FeedItem Item,
    IReadOnlyList<RuleMatch> Rules,
    DateTimeOffset DiscoveredAt,
    IReadOnlyList<StorySource>? Also = null);
