using Aggregator.Core.Items;
using Aggregator.Core.Stories;
using Aggregator.Tests.Matching;

namespace Aggregator.Tests.Stories;

/// <summary>All 486 items of the real news feeds (counts from SOURCES.md) with their story prints.</summary>
internal static class NewsCorpus
{
    private static readonly (string Prefix, int Count)[] Feeds =
        [("aja", 50), ("bbc", 27), ("gov", 40), ("gdn", 95), ("hei", 150), ("jt", 30), ("lm", 21), ("nyt", 25), ("ts", 40), ("yj", 8)];

    private static readonly Lazy<IReadOnlyList<(string Name, FeedItem Item, StoryPrint Print)>> All = new(Load);

    public static IReadOnlyList<(string Name, FeedItem Item, StoryPrint Print)> Items => All.Value;

    /// <summary>The print of a feed item as the pipeline makes it: title, link, and the summary (the content when there is none).</summary>
    public static StoryPrint PrintOf(FeedItem item) => StoryPrint.Of(item.Title, item.Link, LeadOf(item));

    public static string LeadOf(FeedItem item) => item.Summary.Length > 0 ? item.Summary : item.Content;

    private static List<(string, FeedItem, StoryPrint)> Load()
    {
        var items = new List<(string, FeedItem, StoryPrint)>();
        foreach (var (prefix, count) in Feeds)
        {
            for (var i = 1; i <= count; i++)
            {
                var item = NewsFeeds.Item(prefix + i).Item;
                items.Add((prefix + i, item, PrintOf(item)));
            }
        }
        return items;
    }
}
