using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Core.Tests.Query;

internal static class Items
{
    public static FeedItem Item(
        string title = "",
        string summary = "",
        string content = "",
        string[]? authors = null,
        string[]? categories = null,
        string? link = null) =>
        new("key", "id", title, link, null, null, summary, content, authors ?? [], categories ?? []);

    public static IReadOnlyList<RuleMatch> Run(string query, FeedItem item, string feedId = "world-news") =>
        RuleIndex.Build([new RuleDefinition("r", query, null)]).Match(item, feedId);

    public static bool Matches(string query, FeedItem item, string feedId = "world-news") => Run(query, item, feedId).Count == 1;
}
