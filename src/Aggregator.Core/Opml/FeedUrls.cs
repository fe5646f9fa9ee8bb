namespace Aggregator.Core.Opml;

/// <summary>What a feed URL from a file must be, and the form in which two URLs are compared.</summary>
internal static class FeedUrls
{
    /// <summary>Why the URL cannot be polled, or null when it is an absolute http(s) URL.</summary>
    public static string? RejectionOf(string url)
    {
        if (url.Length == 0) return "its xmlUrl is empty";
        if (SchemeOf(url) is not { } scheme) return "its xmlUrl is not an absolute URL";
        if (scheme is not ("http" or "https")) return $"its xmlUrl has the scheme '{scheme}'; only http and https feeds are polled";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return "its xmlUrl is not a valid URL";
        return null;
    }

    /// <summary>
    /// The URL as compared for duplicates: scheme and host in lower case, default port, trailing slash and fragment
    /// dropped. Text that is no URL (a file path in the configuration) is compared as written.
    /// </summary>
    public static string Normalise(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return trimmed;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var user = uri.UserInfo.Length == 0 ? string.Empty : uri.UserInfo + "@";
        return $"{uri.Scheme}://{user}{uri.Host}{port}{uri.AbsolutePath.TrimEnd('/')}{uri.Query}";
    }

    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(url[0])) return null;
        for (var i = 1; i < colon; i++)
        {
            if (!char.IsAsciiLetterOrDigit(url[i]) && url[i] is not ('+' or '-' or '.')) return null;
        }
        return url[..colon].ToLowerInvariant();
    }
}
