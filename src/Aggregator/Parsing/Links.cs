namespace Aggregator.Parsing;

/// <summary>Makes item links absolute against the feed's own link, so an alert's link works on its own.</summary>
internal static class Links
{
    public static string? Absolute(string? link, Uri? baseUri)
    {
        if (string.IsNullOrEmpty(link)) return null;
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is not "file")
        {
            return link;
        }
        // A relative link with no usable base is kept as written: better than dropping it.
        if (baseUri is null || !Uri.TryCreate(baseUri, link, out var resolved)) return link;
        return resolved.AbsoluteUri;
    }
}
