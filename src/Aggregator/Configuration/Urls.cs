using System.Text.RegularExpressions;

namespace Aggregator.Configuration;

internal static partial class Urls
{
    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsHttp(string text, out Uri uri)
    {
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
        var match = SchemePattern().Match(text);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The text with the credentials of every URL in it hidden: <c>https://user:password@host/</c> becomes
    /// <c>https://user:***@host/</c>, and a user name alone (often a token) <c>***</c>. Everything shown to an
    /// operator or a subscriber that may hold a configured URL goes through this.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@', StringComparison.Ordinal)) return text ?? string.Empty;
        return UserInfoPattern().Replace(text, m => m.Groups["password"].Success ? $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:***@" : $"{m.Groups["scheme"].Value}***@");
    }

    /// <inheritdoc cref="Redact(string?)"/>
    public static string Redact(Uri? uri) => uri is null ? string.Empty : Redact(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial Regex SchemePattern();

    // The userinfo ends at the last '@' before the path, query or fragment.
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?<user>[^/?#@:\s]*)(?<password>:[^/?#\s]*)?@")]
    private static partial Regex UserInfoPattern();
}
