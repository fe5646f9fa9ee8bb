using System.Text;
using Aggregator.Core.Text;

namespace Aggregator.Core.Opml;

/// <summary>
/// Turns titles and folder names into ids and tags the configuration accepts: lower-case ASCII letters, digits and
/// single hyphens, starting with a letter or digit, at most <see cref="MaxLength"/> characters.
/// </summary>
internal static class Slugs
{
    public const int MaxLength = 40;

    /// <summary>The slug of the text, empty when it has no Latin letter or digit.</summary>
    public static string Of(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        var pendingHyphen = false;
        foreach (var c in text)
        {
            // "Joel's blog" reads better as joels-blog than as joel-s-blog.
            if (c is '\'' or '\u2019') continue;
            // Folding drops diacritics and spells out ß, æ, ø...; what is left outside a-z0-9 separates words.
            foreach (var f in CharFolding.KindOf(c) == CharKind.Word ? CharFolding.FoldOf(c) : " ")
            {
                if (char.IsAsciiLetterLower(f) || char.IsAsciiDigit(f))
                {
                    if (pendingHyphen && sb.Length > 0) sb.Append('-');
                    pendingHyphen = false;
                    sb.Append(f);
                }
                else pendingHyphen = true;
            }
            if (sb.Length >= MaxLength) break;
        }
        return Cut(sb.ToString(), MaxLength);
    }

    /// <summary>The slug of a feed URL's host and path, for titles in scripts other than Latin ("rsshub-app-36kr").</summary>
    public static string OfUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return Of(url);
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        return Of(host + uri.AbsolutePath);
    }

    /// <summary>The slug cut to a length, without a trailing hyphen.</summary>
    public static string Cut(string slug, int length) => (slug.Length <= length ? slug : slug[..length]).TrimEnd('-');
}
