using Aggregator.Core.Items;

namespace Aggregator.Storage;

/// <summary>
/// The item archive: every item a poll found new (baseline polls included), written by the poll's commit
/// (<see cref="PollCommit.Archive"/>) in its transaction, kept for <c>settings.console.archive.keep</c> and at most
/// <see cref="PollArchive.KeptPerFeed"/> per feed, newest kept. What <c>backtest</c> and <c>explain</c> read.
/// </summary>
internal interface IItemArchive
{
    /// <summary>The newest archived items matching <paramref name="query"/>, newest first, their text decompressed.</summary>
    Task<IReadOnlyList<ArchivedItem>> ListArchivedAsync(ArchiveQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The archived items whose key or link is <paramref name="keyOrLink"/> (of feed <paramref name="feedId"/> when given),
    /// newest first: a link may be in several feeds.
    /// </summary>
    Task<IReadOnlyList<ArchivedItem>> FindArchivedAsync(string keyOrLink, string? feedId, CancellationToken cancellationToken);

    /// <summary>The outbox messages, still kept, of the given alert ids (<see cref="Aggregator.Core.Alerts.AlertIds"/>), newest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesOfAlertsAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken);
}

/// <param name="Limit">At most this many items, the newest.</param>
/// <param name="FeedIds">Only these feeds; null: every feed.</param>
/// <param name="Since">Only items seen at or after this time.</param>
internal sealed record ArchiveQuery(int Limit, IReadOnlyCollection<string>? FeedIds = null, DateTimeOffset? Since = null);
