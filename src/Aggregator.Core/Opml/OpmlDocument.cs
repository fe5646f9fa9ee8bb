namespace Aggregator.Core.Opml;

/// <summary>
/// What an OPML file holds: its subscriptions, the path of every folder (outlines without xmlUrl, "Tech/News"),
/// and the outlines passed over.
/// </summary>
internal sealed record OpmlDocument(
    string? Title,
    IReadOnlyList<OpmlSubscription> Subscriptions,
    IReadOnlyList<string> Folders,
    IReadOnlyList<OpmlSkipped> Skipped);
