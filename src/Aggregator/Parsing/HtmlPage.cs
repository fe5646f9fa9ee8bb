using System.Net;
using System.Text.RegularExpressions;

namespace Aggregator.Parsing;

/// <summary>
/// Recognises an HTML page served where a feed was expected (a common misconfiguration) and finds the
/// feed it advertises, so the error can tell the operator which URL to configure instead.
/// </summary>
internal static partial class HtmlPage
{
    private const int SniffWindow = 2048;

    /// <summary>True when the text starts like an HTML document rather than a feed.</summary>
    public static bool Looks(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, SniffWindow));
        return HtmlStart().IsMatch(head);
    }

    /// <summary>The error for an HTML page, naming the first feed it advertises.</summary>
    public static FeedFormatException NotAFeed(string text)
    {
        var link = AdvertisedFeed(text);
        return new FeedFormatException(link is null
            ? "not a feed: an HTML page (it advertises no feed link)"
            : $"not a feed: an HTML page; it advertises a feed at {link}");
    }

    /// <summary>The href of the first <c>&lt;link rel="alternate"&gt;</c> with a feed media type, or null.</summary>
    public static string? AdvertisedFeed(string html)
    {
        foreach (Match tag in LinkTag().Matches(html))
        {
            string? rel = null, type = null, href = null;
            foreach (Match attribute in Attribute().Matches(tag.Value))
            {
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim();
                switch (attribute.Groups["name"].Value.ToLowerInvariant())
                {
                    case "rel": rel = value; break;
                    case "type": type = value; break;
                    case "href": href = value; break;
                }
            }
            if (href is { Length: > 0 } && IsAlternate(rel) && IsFeedType(type)) return href;
        }
        return null;
    }

    private static bool IsAlternate(string? rel) =>
        rel is not null && rel.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(r => r.Equals("alternate", StringComparison.OrdinalIgnoreCase));

    private static bool IsFeedType(string? type) =>
        type is not null && (type.StartsWith("application/rss+xml", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/atom+xml", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/feed+json", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 200)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LinkTag();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]+))",
        RegexOptions.CultureInvariant, 200)]
    private static partial Regex Attribute();
}
