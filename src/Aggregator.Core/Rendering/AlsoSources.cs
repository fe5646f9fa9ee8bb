using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>
/// The other sources of an alert's story as a message lists them ("Also: Reuters, AP"): one entry per feed, first copy
/// first, leaving out the alert's own feed when a copy came from it again.
/// </summary>
internal static class AlsoSources
{
    public static IReadOnlyList<StorySource> Of(Alert alert) =>
        alert.Also is not { Count: > 0 } also
            ? []
            : [.. also.Where(s => s.FeedId != alert.Feed.Id).DistinctBy(s => s.FeedId, StringComparer.Ordinal)];
}
