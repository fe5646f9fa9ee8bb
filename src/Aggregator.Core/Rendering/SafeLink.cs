namespace Aggregator.Core.Rendering;

/// <summary>Only absolute http(s) links reach a subscriber; anything else (javascript:, data:, file:) is dropped.</summary>
public static class SafeLink
{
    public static string? From(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)) return null;
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;
    }
}
