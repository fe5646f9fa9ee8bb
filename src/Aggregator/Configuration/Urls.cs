using System.Text.RegularExpressions;

namespace Aggregator.Configuration;

internal static partial class Urls
{
    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsHttp(string text, out Uri uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0)
        {
            uri = parsed;
            return true;
        }
        uri = null!;
        return false;
    }

    /// <summary>
    /// The scheme of something written as a URL (<c>scheme://...</c>), or null for a file path.
    /// <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> alone would take <c>/srv/feed.xml</c> for a URL.
    /// </summary>
    public static string? SchemeOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = SchemePattern().Match(text);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial Regex SchemePattern();
}
