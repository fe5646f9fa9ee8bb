using System.Xml.Linq;

namespace Aggregator.Parsing;

/// <summary>
/// Makes links absolute so an alert's link works on its own: against <c>xml:base</c> where the document
/// sets one, else against the feed's own link.
/// </summary>
internal static class Links
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    public static string? Absolute(string? link, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        if (IsAbsolute(link)) return link;
        // A relative link with no usable base is kept as written: better than dropping it.
        if (baseUri is null || !Uri.TryCreate(baseUri, link, out var resolved)) return link;
        return resolved.AbsoluteUri;
    }

    /// <summary>The base for links inside <paramref name="element"/>: its xml:base chain over <paramref name="fallback"/>.</summary>
    public static Uri? BaseFor(XElement? element, Uri? fallback)
    {
        if (element is null || !element.AncestorsAndSelf().Any(e => e.Attribute(XmlBase) is not null)) return fallback;
        var result = fallback;
        foreach (var e in element.AncestorsAndSelf().Reverse())
        {
            var value = e.Attribute(XmlBase)?.Value.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            if (IsAbsolute(value)) result = new Uri(value);
            else if (result is not null && Uri.TryCreate(result, value, out var resolved)) result = resolved;
        }
        return result;
    }

    /// <summary>An http(s) URI usable as a base, or null.</summary>
    public static Uri? AsBase(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    // On Unix "/path" parses as an absolute file URI; a feed's "/path" is relative to the site.
    private static bool IsAbsolute(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme != Uri.UriSchemeFile || link.StartsWith("file:", StringComparison.OrdinalIgnoreCase));
}
