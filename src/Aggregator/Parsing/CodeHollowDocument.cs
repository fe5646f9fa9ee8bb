using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;

namespace Aggregator.Parsing;

/// <summary>
/// Hands a document we parsed with the hardened reader to CodeHollow.FeedReader's feed types, choosing the
/// type exactly as its <c>ReadFromString</c> does after its own <c>XDocument.Parse</c>, so the document is
/// parsed once instead of being turned back into text and parsed again.
/// </summary>
internal static class CodeHollowDocument
{
    private static readonly XName AtomFeed = XName.Get("feed", XmlRoot.Atom10Namespace);
    private static readonly XName MediaPrefix = XName.Get("media", XNamespace.Xmlns.NamespaceName);

    /// <summary>The feed, or null when the root is not one CodeHollow reads as it stands (the text path then decides and names the error).</summary>
    public static Feed? TryRead(XElement root)
    {
        var isAtom10 = root.Name.NamespaceName == XmlRoot.Atom10Namespace;
        BaseFeed? feed = root.Name.LocalName switch
        {
            "feed" => new AtomFeed(string.Empty, root),
            // A lone Atom entry or a bare RSS channel is a feed of one kind, as FeedParser's text path wraps them.
            "entry" when isAtom10 => new AtomFeed(string.Empty, new XElement(AtomFeed, new XAttribute("xmlns", XmlRoot.Atom10Namespace), root)),
            "channel" when root.Name.Namespace == XNamespace.None => new Rss20Feed(string.Empty, root),
            "RDF" => Channel(root) is { } channel ? new Rss10Feed(string.Empty, channel) : null,
            "rss" => Channel(root) is { } channel ? Rss(root, channel) : null,
            _ => null,
        };
        return feed?.ToFeed();
    }

    private static XElement? Channel(XElement root) => root.Element(root.GetDefaultNamespace() + "channel");

    private static BaseFeed Rss(XElement root, XElement channel)
    {
        var version = root.Attribute("version")?.Value ?? string.Empty;
        if (Is(version, "2.0")) return root.Attribute(MediaPrefix) is null ? new Rss20Feed(string.Empty, channel) : new MediaRssFeed(string.Empty, channel);
        if (Is(version, "0.91")) return new Rss091Feed(string.Empty, channel);
        if (Is(version, "0.92")) return new Rss092Feed(string.Empty, channel);
        return new Rss20Feed(string.Empty, channel);
    }

    private static bool Is(string version, string expected) => version.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
