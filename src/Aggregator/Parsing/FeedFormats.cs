using CodeHollow.FeedReader;

namespace Aggregator.Parsing;

/// <summary>Names a feed's format as operators read it in logs: <c>rss2.0</c>, <c>atom1.0</c>, <c>jsonfeed</c>.</summary>
internal static class FeedFormats
{
    public const string JsonFeed = "jsonfeed";

    private static readonly string[] RssVersions = ["0.90", "0.91", "0.92", "0.93", "0.94", "2.0"];

    /// <param name="root">The XML root, to tell Atom 0.3 from 1.0 and RSS 0.9x from 2.0 (CodeHollow merges them).</param>
    public static string Name(FeedType type, XmlRoot? root) => type switch
    {
        FeedType.JsonFeed => JsonFeed,
        FeedType.Atom => root?.NamespaceUri == XmlRoot.Atom03Namespace ? "atom0.3" : "atom1.0",
        FeedType.Rss_1_0 => root?.NamespaceUri == XmlRoot.Rss090Namespace ? "rss0.90" : "rss1.0",
        FeedType.Rss_0_91 => "rss0.91",
        FeedType.Rss_0_92 => "rss0.92",
        FeedType.Rss_2_0 or FeedType.MediaRss or FeedType.Rss => RssName(root),
        _ => "unknown",
    };

    private static string RssName(XmlRoot? root)
    {
        var version = root?.Version?.Trim();
        if (version == "2.00") version = "2.0";
        return version is not null && RssVersions.Contains(version, StringComparer.Ordinal) ? "rss" + version : "rss2.0";
    }
}
