using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>
/// The HTML description of one alert. Every value taken from a feed is HTML-encoded and only http(s)
/// links become anchors, so a hostile feed cannot inject markup or script links.
/// </summary>
internal static class AlertHtml
{
    public static void Write(StringBuilder sb, Alert alert)
    {
        var title = Encode(OneLine.Clean(alert.Item.Title, 1000));
        sb.Append("<h2>");
        if (SafeLink.From(alert.Item.Link) is { } link)
            sb.Append("<a href=\"").Append(Encode(link)).Append("\">").Append(title).Append("</a>");
        else
            sb.Append(title);
        sb.Append("</h2>\n<p>Feed: ");
        var feedTitle = Encode(OneLine.Clean(alert.Feed.Title, 1000));
        if (SafeLink.From(alert.Feed.Url) is { } feedUrl)
            sb.Append("<a href=\"").Append(Encode(feedUrl)).Append("\">").Append(feedTitle).Append("</a>");
        else
            sb.Append(feedTitle);
        if (alert.Item.Published is { } published)
            sb.Append("<br>\nPublished: ").Append(Encode(AlertText.FormatTime(published)));
        sb.Append("</p>\n");
        if (AlertText.Summary(alert) is { } summary)
            sb.Append("<p>").Append(Encode(summary).ReplaceLineEndings("<br>\n")).Append("</p>\n");
        foreach (var rule in alert.Rules)
        {
            sb.Append("<h3>Rule <code>").Append(Encode(rule.RuleId)).Append("</code>: <code>")
              .Append(Encode(rule.Query)).Append("</code></h3>\n<ul>\n");
            foreach (var match in rule.Matches)
            {
                var h = HighlightedSnippet.For(match, alert);
                sb.Append("<li><b>").Append(Encode(match.Field)).Append("</b>: ").Append(Encode(h.Before));
                if (h.Marked.Length > 0) sb.Append("<mark>").Append(Encode(h.Marked)).Append("</mark>").Append(Encode(h.After));
                sb.Append("</li>\n");
            }
            sb.Append("</ul>\n");
        }
    }

    /// <summary>
    /// Escapes the five markup characters and keeps every other character as is (readable non-Latin text;
    /// the message is UTF-8), unlike WebUtility which turns é into &amp;#233;.
    /// </summary>
    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
