namespace Aggregator.Parsing;

/// <summary>The root element of a feed document: enough to name its format and version.</summary>
/// <param name="Version">The root's <c>version</c> attribute (RSS, Atom 0.3), if any.</param>
internal sealed record XmlRoot(string LocalName, string NamespaceUri, string? Version)
{
    public const string Atom10Namespace = "http://www.w3.org/2005/Atom";
    public const string Atom03Namespace = "http://purl.org/atom/ns#";
    public const string Rss090Namespace = "http://my.netscape.com/rdf/simple/0.9/";

    /// <summary>The root has a <c>channel</c> child, which RSS requires.</summary>
    public bool HasChannel { get; init; }

    public bool IsHtml => LocalName.Equals("html", StringComparison.OrdinalIgnoreCase);
}
