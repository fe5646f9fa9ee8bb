using System.Globalization;
using System.Net;
using System.Text;

namespace Aggregator.Parsing;

/// <summary>
/// Two repairs real feeds need before a strict XML parser accepts them, neither of which expands
/// anything a document declares: characters XML 1.0 forbids (stray control characters from CMS
/// exports) are dropped, and HTML named entities (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) that XML does
/// not predefine become numeric references. Unknown entity names are left for the parser to refuse.
/// </summary>
internal static class XmlTextRepair
{
    public static string Repair(string text) => HtmlEntitiesToNumeric(RemoveInvalidCharacters(text));

    public static string RemoveInvalidCharacters(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (IsAllowed(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    public static string HtmlEntitiesToNumeric(string text)
    {
        var amp = text.IndexOf('&', StringComparison.Ordinal);
        if (amp < 0) return text;
        StringBuilder? sb = null;
        var copied = 0;
        for (; amp >= 0; amp = text.IndexOf('&', amp + 1))
        {
            var end = amp + 1;
            while (end < text.Length && end - amp <= 32 && char.IsAsciiLetterOrDigit(text[end])) end++;
            if (end == amp + 1 || end >= text.Length || text[end] != ';' || !char.IsAsciiLetter(text[amp + 1])) continue;
            var name = text.AsSpan(amp + 1, end - amp - 1);
            if (name is "amp" or "lt" or "gt" or "quot" or "apos") continue;
            var entity = text.Substring(amp, end - amp + 1);
            var decoded = WebUtility.HtmlDecode(entity);
            if (decoded == entity) continue;
            sb ??= new StringBuilder(text.Length + 64);
            sb.Append(text, copied, amp - copied);
            foreach (var rune in decoded.EnumerateRunes())
            {
                sb.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            copied = end + 1;
        }
        if (sb is null) return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private static int FirstInvalid(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (true)
        {
            // Vectorised skip over the common range; only line breaks, tabs and non-BMP text stop here.
            var next = span[i..].IndexOfAnyExceptInRange(' ', '\uD7FF');
            if (next < 0) return -1;
            i += next;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i += 2;
            else if (IsAllowed(c)) i++;
            else return i;
        }
    }

    private static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
}
