using System.Globalization;
using System.Text;

namespace Aggregator.Core.Stories;

/// <summary>
/// The form in which two item links are compared: the same article reached over http or https, with or without
/// <c>www.</c>, a trailing slash, a fragment or a newsletter's tracking parameters is one link. The scheme is left
/// out of the result altogether; remaining query parameters are sorted, because their order carries no meaning.
/// </summary>
internal static class CanonicalLink
{
    /// <summary>Parameters that only say where a reader came from (exact names, compared ignoring case).</summary>
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid", "mc_cid", "mc_eid",
        "ocid", "cmpid", "cmp", "ref", "ref_src", "ref_url", "referrer", "xtor", "smid", "smtyp", "emc", "mkt_tok",
        "_ga", "_gl", "ito", "icid", "spm", "share",
    };

    /// <summary>Parameter name prefixes of analytics suites (Google's utm_, AT Internet's at_, Webtrekk's wt_).</summary>
    private static readonly string[] TrackingPrefixes = ["utm_", "at_", "wt_"];

    /// <summary>The canonical form of <paramref name="link"/> (host/path?query), or null when it is no absolute http(s) URL.</summary>
    public static string? Of(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (host.Length == 0) return null;
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4) host = host[4..];
        var sb = new StringBuilder(link.Length);
        sb.Append(host);
        if (uri.Port is not (80 or 443) && uri.Port > 0) sb.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        var path = uri.AbsolutePath.AsSpan().TrimEnd('/');
        sb.Append(path);
        AppendQuery(sb, uri.Query);
        return sb.ToString();
    }

    private static void AppendQuery(StringBuilder sb, string query)
    {
        if (query.Length <= 1) return;
        var kept = new List<string>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            if (!IsTracking(name)) kept.Add(part);
        }
        if (kept.Count == 0) return;
        kept.Sort(StringComparer.Ordinal);
        sb.Append('?').AppendJoin('&', kept);
    }

    private static bool IsTracking(string name)
    {
        if (TrackingNames.Contains(name)) return true;
        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
