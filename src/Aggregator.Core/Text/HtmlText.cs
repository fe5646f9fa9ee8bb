using System.Net;
using System.Text;

namespace Aggregator.Core.Text;

/// <summary>Turns HTML fragments into plain text: tags removed, entities decoded, white space collapsed.</summary>
public static class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return string.Empty;
        var text = html.Contains('<', StringComparison.Ordinal) ? StripTags(html) : html;
        return CollapseWhiteSpace(WebUtility.HtmlDecode(text));
    }

    private static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<') { sb.Append(c); i++; continue; }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var close = html.IndexOf('>', i + 1);
            if (close < 0) { sb.Append(html, i, html.Length - i); break; }
            var tag = TagName(html, i + 1, close);
            if (tag is "script" or "style")
            {
                var endTag = html.IndexOf("</" + tag, close, StringComparison.OrdinalIgnoreCase);
                var endClose = endTag < 0 ? -1 : html.IndexOf('>', endTag);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }
            // Block-level tags separate words: "<p>a</p><p>b</p>" is "a b", not "ab".
            sb.Append(' ');
            i = close + 1;
        }
        return sb.ToString();
    }

    private static string TagName(string html, int start, int end)
    {
        var i = start;
        while (i < end && (char.IsLetterOrDigit(html[i]) || html[i] == '/')) i++;
        return html[start..i].TrimStart('/').ToLowerInvariant();
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
