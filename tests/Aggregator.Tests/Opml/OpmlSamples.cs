using System.Xml.Linq;
using System.Xml.XPath;

namespace Aggregator.Tests.Opml;

/// <summary>The real exports under Samples/, and counts taken from them with XPath rather than with the reader.</summary>
internal static class OpmlSamples
{
    public static readonly TheoryData<string> All =
    [
        "miniflux.opml", "freshrss.opml.xml", "freshrss-2021.opml.xml", "feedly.opml", "inoreader.xml", "netnewswire.opml",
        "tinytinyrss.opml",
    ];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Opml", "Samples", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static XDocument Xml(string name) => XDocument.Load(PathOf(name));

    public static int FeedOutlines(string name) => Xml(name).XPathSelectElements("/opml/body//outline[@xmlUrl]").Count();

    public static int FolderOutlines(string name) => Xml(name).XPathSelectElements("/opml/body//outline[not(@xmlUrl)]").Count();

    public static string? HeadTitle(string name) => Xml(name).XPathSelectElement("/opml/head/title")?.Value;
}
