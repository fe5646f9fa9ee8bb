using Aggregator.Configuration;
using System.Diagnostics.CodeAnalysis;

namespace Aggregator.Fetching;

/// <summary>Which URLs may be requested at all, before any address is looked at.</summary>
internal static class LocationRules
{
    /// <summary>Why the first location of a fetch cannot be requested over HTTP, or null when it can.</summary>
    public static string? Refusal(Uri location)
    {
        if (!location.IsAbsoluteUri) return $"not an absolute URL: {Shown(location)}";
        if (!IsHttp(location)) return $"unsupported location {Shown(location)}: only http, https and local files can be fetched";
        return Common(location);
    }

    /// <summary>Resolves a redirect's Location against the current URL, or says why it cannot be followed.</summary>
    public static bool TryFollow(Uri current, string? rawLocation, [NotNullWhen(true)] out Uri? next, [NotNullWhen(false)] out string? refusal)
    {
        next = null;
        refusal = Check(current, rawLocation, out var resolved);
        if (refusal is not null) return false;
        next = resolved!;
        return true;
    }

    private static string? Check(Uri current, string? rawLocation, out Uri? next)
    {
        next = null;
        if (string.IsNullOrWhiteSpace(rawLocation)) return "redirect without a Location header";
        var shown = FailureText.Quote(Urls.Redact(rawLocation));
        if (rawLocation.Contains('\\', StringComparison.Ordinal)) return $"redirect to {shown} refused: the URL contains a backslash";
        if (!Uri.TryCreate(current, rawLocation.Trim(), out next)) return $"redirect to an invalid URL: {shown}";
        if (!IsHttp(next)) return $"redirect to {Shown(next)} refused: only http and https locations can be followed";
        return Common(next);
    }

    /// <summary>The URL without its fragment, which a server never sees: the key for loop detection.</summary>
    public static string Key(Uri location)
    {
        return location.GetLeftPart(UriPartial.Query);
    }

    private static bool IsHttp(Uri location) => location.Scheme == Uri.UriSchemeHttp || location.Scheme == Uri.UriSchemeHttps;

    // .NET turns '\' into '/' in http URLs while other parsers treat it differently; refusing it
    // keeps what is checked and what is requested the same URL.
    private static string? Common(Uri location)
    {
        if (location.OriginalString.Contains('\\', StringComparison.Ordinal)) return $"refused: the URL contains a backslash: {FailureText.Quote(Urls.Redact(location.OriginalString))}";
        if (string.IsNullOrEmpty(location.Host)) return $"URL without a host: {Shown(location)}";
        return null;
    }

    private static string Shown(Uri location) => FailureText.Quote(Urls.Redact(location));
}
