using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Aggregator.Core.Text;

/// <summary>Turns HTML fragments into plain text: tags removed, entities decoded, white space collapsed.</summary>
public static class HtmlText
{
    /// <summary>
    /// Tags that sit inside a word as often as between words (<c>Kra&lt;b&gt;k&lt;/b&gt;ów</c>): removed without a
    /// space. Every other tag separates words: <c>&lt;p&gt;a&lt;/p&gt;&lt;p&gt;b&lt;/p&gt;</c> is "a b", not "ab".
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InlineTags = new[]
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return string.Empty;
        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html) : html;
        if (text.Contains('&', StringComparison.Ordinal)) text = WebUtility.HtmlDecode(text);
        return IsCollapsed(text) ? text : CollapseWhiteSpace(text);
    }

    private static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) { sb.Append(html, i, html.Length - i); break; }
            sb.Append(html, i, open - i);
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var close = html.IndexOf('>', open + 1);
            if (close < 0) { sb.Append(html, open, html.Length - open); break; }
            var name = TagName(html.AsSpan(open + 1, close - open - 1));
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var endTag = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                var endClose = endTag < 0 ? -1 : html.IndexOf('>', endTag);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }
            if (!InlineTags.Contains(name)) sb.Append(' ');
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The element name of a tag's inside (<c>/b</c>, <c>p class="x"</c>, <c>br/</c>).</summary>
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> inside)
    {
        inside = inside.TrimStart('/');
        var end = 0;
        while (end < inside.Length && char.IsAsciiLetterOrDigit(inside[end])) end++;
        return inside[..end];
    }

    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || char.IsWhiteSpace(text[i - 1]))) return false;
        }
        return true;
    }

    private static string CollapseWhiteSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
