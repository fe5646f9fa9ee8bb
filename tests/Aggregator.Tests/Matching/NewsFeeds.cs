using System.Collections.Concurrent;
using Aggregator.Core.Items;
using Aggregator.Parsing;

namespace Aggregator.Tests.Matching;

/// <summary>
/// The real news feeds beside the repository (../shared/news-feeds, see its SOURCES.md), read in place and parsed
/// once with the product's parser. An item is named by its file's prefix and its 1-based position: <c>gdn12</c>.
/// </summary>
internal static class NewsFeeds
{
    private static readonly Dictionary<string, (string File, string FeedId)> Files = new(StringComparer.Ordinal)
    {
        ["aja"] = ("aljazeera-america-2016-02.xml", "aljazeera-america"),
        ["bbc"] = ("bbc-news-2026-04.xml", "bbc-news"),
        ["gov"] = ("gov-online-jp-2026-08.xml", "gov-online-jp"),
        ["gdn"] = ("guardian-world-2016-06.xml", "guardian-world"),
        ["hei"] = ("heise-2026-04.xml", "heise"),
        ["jt"] = ("japantimes-2023-11.xml", "japantimes"),
        ["lm"] = ("lemonde-2018-06.xml", "lemonde"),
        ["nyt"] = ("nytimes-2023-11.xml", "nytimes"),
        ["ts"] = ("tagesschau-2026-04.xml", "tagesschau"),
        ["yj"] = ("yahoo-japan-2023-02.xml", "yahoo-japan"),
    };

    private static readonly Lazy<string?> Folder = new(Locate);
    private static readonly ConcurrentDictionary<string, ParsedFeed> Parsed = new(StringComparer.Ordinal);

    /// <summary>Skips the calling test when the folder is missing, or fails it when AGGREGATOR_REQUIRE_NEWS_FEEDS=1.</summary>
    public static void Require()
    {
        if (Folder.Value is not null) return;
        if (Environment.GetEnvironmentVariable("AGGREGATOR_REQUIRE_NEWS_FEEDS") == "1")
        {
            Assert.Fail("shared/news-feeds not found next to the repository and AGGREGATOR_REQUIRE_NEWS_FEEDS=1");
        }
        Assert.Skip("shared/news-feeds not found next to the repository (set AGGREGATOR_REQUIRE_NEWS_FEEDS=1 to fail instead)");
    }

    /// <summary>The item called <paramref name="name"/> (such as <c>nyt24</c>) with its feed's id and title.</summary>
    public static NewsItem Item(string name)
    {
        var digits = name.AsSpan().IndexOfAnyInRange('0', '9');
        if (digits <= 0 || !int.TryParse(name.AsSpan(digits), out var position) || position < 1)
            throw new ArgumentException($"'{name}' is not an item name such as gdn12", nameof(name));
        var prefix = name[..digits];
        if (!Files.TryGetValue(prefix, out var file)) throw new ArgumentException($"no news feed has the prefix '{prefix}'", nameof(name));
        var feed = Parsed.GetOrAdd(prefix, _ => Parse(file.File));
        if (position > feed.Items.Count) throw new ArgumentException($"{file.File} has {feed.Items.Count} items, not {position}", nameof(name));
        return new NewsItem(name, prefix, feed.Items[position - 1], file.FeedId, feed.Title);
    }

    /// <summary>Every item of every news feed, in file order.</summary>
    public static IEnumerable<NewsItem> All()
    {
        foreach (var prefix in Files.Keys)
        {
            var count = Parsed.GetOrAdd(prefix, _ => Parse(Files[prefix].File)).Items.Count;
            for (var position = 1; position <= count; position++) yield return Item($"{prefix}{position}");
        }
    }

    private static ParsedFeed Parse(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder.Value ?? throw new InvalidOperationException("news feeds not found"), file));
        return FeedParser.Parse(bytes, charset: null);
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Aggregator.sln"))) continue;
            var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "news-feeds"));
            return File.Exists(Path.Combine(folder, "SOURCES.md")) ? folder : null;
        }
        return null;
    }
}

internal sealed record NewsItem(string Name, string Prefix, FeedItem Item, string FeedId, string FeedTitle);
