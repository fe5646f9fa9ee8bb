namespace Aggregator.Core.Opml;

/// <summary>
/// What importing a file would do to the configuration: the feeds to add, the subscriptions left out because their
/// URL is already there, and the outlines the file could not offer.
/// </summary>
internal sealed record OpmlImportPlan(
    IReadOnlyList<PlannedFeed> NewFeeds,
    IReadOnlyList<DuplicateFeed> Duplicates,
    IReadOnlyList<OpmlSkipped> Skipped)
{
    public static OpmlImportPlan Create(OpmlDocument document, IEnumerable<ExistingFeed> existing)
    {
        var ids = new UniqueIds();
        var byUrl = new Dictionary<string, (string Id, bool InConfiguration)>(StringComparer.Ordinal);
        foreach (var feed in existing)
        {
            ids.Reserve(feed.Id);
            byUrl.TryAdd(FeedUrls.Normalise(feed.Url), (feed.Id, true));
        }
        var planned = new List<PlannedFeed>();
        var duplicates = new List<DuplicateFeed>();
        foreach (var subscription in document.Subscriptions)
        {
            var key = FeedUrls.Normalise(subscription.XmlUrl);
            if (byUrl.TryGetValue(key, out var first))
            {
                duplicates.Add(new(subscription.XmlUrl, subscription.Title, first.Id, first.InConfiguration));
                continue;
            }
            var id = ids.Claim(IdFor(subscription));
            byUrl[key] = (id, false);
            planned.Add(new(id, subscription.XmlUrl, TagsOf(subscription.Folders), subscription.Title));
        }
        return new(planned, duplicates, document.Skipped);
    }

    private static string IdFor(OpmlSubscription subscription)
    {
        var slug = Slugs.Of(subscription.Title);
        if (slug.Length == 0) slug = Slugs.OfUrl(subscription.XmlUrl);
        return slug.Length == 0 ? "feed" : slug;
    }

    private static List<string> TagsOf(IEnumerable<string> folders) =>
        [.. folders.Select(Slugs.Of).Where(tag => tag.Length > 0).Distinct(StringComparer.Ordinal)];
}
