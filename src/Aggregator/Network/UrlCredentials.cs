using System.Net.Http.Headers;
using System.Text;

namespace Aggregator.Network;

/// <summary>
/// Credentials written into a feed or webhook URL (<c>https://user:password@host/path</c>) are sent as HTTP Basic
/// authentication, and only to that URL's origin (scheme, host and port): a redirect to anywhere else goes without
/// them. The userinfo itself never travels in a request URL, and is shown redacted (<see cref="Configuration.Urls.Redact(Uri?)"/>).
/// </summary>
internal static class UrlCredentials
{
    /// <summary>The Basic authorization for a request to <paramref name="target"/> on behalf of <paramref name="configured"/>, or null.</summary>
    public static AuthenticationHeaderValue? BasicFor(Uri configured, Uri target)
    {
        if (!configured.IsAbsoluteUri || configured.UserInfo.Length == 0) return null;
        if (Uri.Compare(configured, target, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0) return null;
        var userInfo = configured.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>The URL without its userinfo; the same object when it has none.</summary>
    public static Uri WithoutUserInfo(Uri location)
    {
        if (!location.IsAbsoluteUri || location.UserInfo.Length == 0) return location;
        return new Uri(location.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped));
    }
}
