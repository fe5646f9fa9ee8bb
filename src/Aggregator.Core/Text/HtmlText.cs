using System.Buffers;
using System.Collections.Frozen;
using System.Net;

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
        var text = html.Contains('<', StringComparison.Ordinal) || !IsCollapsed(html) ? Rewrite(html, stripTags: true) : html;
        if (!HasReference(text)) return text;
        // Decoded after stripping, so an escaped "&lt;b&gt;" stays as text; a decoded &nbsp; is white space too.
        var decoded = WebUtility.HtmlDecode(text);
        return IsCollapsed(decoded) ? decoded : Rewrite(decoded, stripTags: false);
    }

    /// <summary>One pass: tags removed (or kept as text), white space runs collapsed to one space, ends trimmed.</summary>
    private static string Rewrite(string html, bool stripTags)
    {
        // Output is never longer than the input: a removed tag (3+ characters) leaves at most one space.
        var rented = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            var output = new CollapsingWriter(rented);
            if (stripTags) StripTags(html, ref output);
            else output.Append(html);
            return output.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void StripTags(string html, ref CollapsingWriter output)
    {
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0) { output.Append(html.AsSpan(i)); break; }
            output.Append(html.AsSpan(i, open - i));
            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var close = html.IndexOf('>', open + 1);
            if (close < 0) { output.Append(html.AsSpan(open)); break; }
            var name = TagName(html.AsSpan(open + 1, close - open - 1));
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var endTag = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                var endClose = endTag < 0 ? -1 : html.IndexOf('>', endTag);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }
            if (!InlineTags.Contains(name)) output.Separate();
            i = close + 1;
        }
    }

    /// <summary>The element name of a tag's inside (<c>/b</c>, <c>p class="x"</c>, <c>br/</c>).</summary>
    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> inside)
    {
        inside = inside.TrimStart('/');
        var end = 0;
        while (end < inside.Length && char.IsAsciiLetterOrDigit(inside[end])) end++;
        return inside[..end];
    }

    /// <summary>
    /// Whether an <c>&amp;</c> is followed by what could start a character reference (a letter or <c>#</c>):
    /// only those change when decoded, and an ampersand in plain text ("Fish &amp; chips" once XML is read) is common.
    /// </summary>
    private static bool HasReference(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOf('&'); at >= 0; at = span.IndexOf('&'))
        {
            if (at + 1 < span.Length && (char.IsAsciiLetter(span[at + 1]) || span[at + 1] == '#')) return true;
            span = span[(at + 1)..];
        }
        return false;
    }

    /// <summary>No white space at either end, and only single ' ' characters between words.</summary>
    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        var span = text.AsSpan();
        // Every white space character has a next one: the text does not end in white space.
        for (var at = span.IndexOfAny(CollapsingWriter.WhiteSpace); at >= 0; at = span.IndexOfAny(CollapsingWriter.WhiteSpace))
        {
            if (span[at] != ' ' || span[at + 1] == ' ') return false;
            span = span[(at + 1)..];
        }
        return true;
    }
}
