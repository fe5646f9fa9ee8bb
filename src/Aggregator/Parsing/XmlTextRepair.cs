using System.Globalization;
using System.Net;
using System.Text;

namespace Aggregator.Parsing;

/// <summary>
/// Repairs real feeds need before a strict XML parser accepts them, none of which expands anything a
/// document declares: only for a document that failed as it was, HTML named entities (<c>&amp;nbsp;</c>) that
/// XML does not predefine become numeric references and bare ampersands (<c>AT&amp;T</c>) become
/// <c>&amp;amp;</c>. CDATA sections are left as they are. Unknown entity names stay for the parser to refuse.
/// </summary>
internal static class XmlTextRepair
{
    private const string CdataOpen = "<![CDATA[";
    private const string CdataClose = "]]>";

    /// <summary>The text with HTML entities made numeric and bare ampersands escaped, or null if nothing changed.</summary>
    public static string? RepairReferences(string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        var changed = false;
        var pos = 0;
        while (pos < text.Length)
        {
            var cdata = text.IndexOf(CdataOpen, pos, StringComparison.Ordinal);
            var end = cdata < 0 ? text.Length : cdata;
            changed |= RepairSegment(text, pos, end, sb);
            if (cdata < 0) break;
            var close = text.IndexOf(CdataClose, cdata, StringComparison.Ordinal);
            var after = close < 0 ? text.Length : close + CdataClose.Length;
            sb.Append(text, cdata, after - cdata);
            pos = after;
        }
        return changed ? sb.ToString() : null;
    }

    private static bool RepairSegment(string text, int start, int end, StringBuilder sb)
    {
        var changed = false;
        var copied = start;
        for (var amp = text.IndexOf('&', start, end - start); amp >= 0; amp = amp + 1 < end ? text.IndexOf('&', amp + 1, end - amp - 1) : -1)
        {
            var nameEnd = amp + 1;
            while (nameEnd < end && nameEnd - amp <= 32 && (char.IsAsciiLetterOrDigit(text[nameEnd]) || (nameEnd == amp + 1 && text[nameEnd] == '#'))) nameEnd++;
            var terminated = nameEnd < end && text[nameEnd] == ';' && nameEnd > amp + 1;
            string? replacement;
            if (!terminated)
            {
                replacement = "&amp;"; // a bare ampersand
            }
            else if (text[amp + 1] == '#' || text.AsSpan(amp + 1, nameEnd - amp - 1) is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                continue; // already valid XML
            }
            else
            {
                var entity = text.Substring(amp, nameEnd - amp + 1);
                var decoded = WebUtility.HtmlDecode(entity);
                if (decoded == entity) continue; // unknown: the parser names it in its error
                replacement = string.Concat(decoded.EnumerateRunes().Select(r => "&#" + r.Value.ToString(CultureInfo.InvariantCulture) + ";"));
                nameEnd++;
            }
            sb.Append(text, copied, amp - copied).Append(replacement);
            copied = terminated ? nameEnd : amp + 1;
            changed = true;
        }
        sb.Append(text, copied, end - copied);
        return changed;
    }
}
