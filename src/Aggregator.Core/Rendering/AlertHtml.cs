using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>
/// The HTML description of one alert. Every value taken from a feed is HTML-encoded and only http(s)
/// links become anchors, so a hostile feed cannot inject markup or script links. Styles are inline (mail
/// clients drop style sheets) and set no text colour except on marks, which set their background too, so the
/// client's light or dark scheme decides the rest.
/// </summary>
internal static class AlertHtml
{
    public static void Write(StringBuilder sb, Alert alert, AlertLinkSource? links, bool withPreferences)
    {
        var title = Encode(OneLine.Clean(alert.Item.Title, 1000));
        sb.Append("<h2 style=\"").Append(EmailStyle.Title).Append("\">");
        if (SafeLink.From(alert.Item.Link) is { } link) Anchor(sb, link, title);
        else sb.Append(title);
        sb.Append("</h2>\n<p style=\"").Append(EmailStyle.Byline).Append("\">");
        var feedTitle = Encode(OneLine.Clean(alert.Feed.Title, 1000));
        if (SafeLink.From(alert.Feed.Url) is { } feedUrl) Anchor(sb, feedUrl, feedTitle);
        else sb.Append(feedTitle);
        if (alert.Item.Published is { } published)
            sb.Append(" · Published ").Append(Encode(AlertText.FormatTime(published)));
        if (AlsoSources.Of(alert) is { Count: > 0 } also)
        {
            sb.Append("<br>\nAlso: ");
            for (var i = 0; i < also.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                var name = Encode(OneLine.Clean(also[i].FeedTitle, 200));
                if (SafeLink.From(also[i].Link) is { } copyLink) Anchor(sb, copyLink, name);
                else sb.Append(name);
            }
        }
        sb.Append("</p>\n");
        var snippets = FieldSnippets.For(alert);
        foreach (var snippet in snippets)
        {
            sb.Append("<p style=\"").Append(EmailStyle.Snippet).Append("\"><span style=\"").Append(EmailStyle.FieldLabel).Append("\">")
              .Append(Encode(snippet.Field)).Append("</span>");
            Marked(sb, snippet);
            sb.Append("</p>\n");
        }
        if (!snippets.Any(s => s.Field == "summary") && AlertText.Summary(alert) is { } summary)
            sb.Append("<p style=\"").Append(EmailStyle.Snippet).Append("\">").Append(Encode(OneLine.Clean(summary, 1000))).Append("</p>\n");
        sb.Append("<div style=\"").Append(EmailStyle.Footer).Append("\">\n");
        foreach (var rule in alert.Rules)
        {
            sb.Append("<p style=\"").Append(EmailStyle.FooterLine).Append("\">Rule <code style=\"").Append(EmailStyle.Code).Append("\">")
              .Append(Encode(rule.RuleId)).Append("</code>: <code style=\"").Append(EmailStyle.Code).Append("\">")
              .Append(Encode(OneLine.Clean(rule.Query, 1000))).Append("</code>");
            if (rule.Matches.Count > 0) sb.Append("<br>\nMatched: ").Append(Encode(MatchSummary.Of(rule)));
            sb.Append("</p>\n");
            if (links?.Invoke(alert, rule.RuleId) is { } ruleLinks)
                LinkLine(sb, ruleLinks with { Preferences = withPreferences ? ruleLinks.Preferences : null });
        }
        sb.Append("</div>\n");
    }

    /// <summary>"Why this alert · Preferences · Unsubscribe from this rule", with only the links there are.</summary>
    public static void LinkLine(StringBuilder sb, AlertLinks links)
    {
        var parts = new List<(string Href, string Text)>(3);
        if (SafeLink.From(links.Why?.AbsoluteUri) is { } why) parts.Add((why, "Why this alert"));
        if (SafeLink.From(links.Preferences?.AbsoluteUri) is { } preferences) parts.Add((preferences, "Preferences"));
        if (SafeLink.From(links.Unsubscribe?.AbsoluteUri) is { } unsubscribe) parts.Add((unsubscribe, "Unsubscribe from this rule"));
        if (parts.Count == 0) return;
        sb.Append("<p style=\"").Append(EmailStyle.LinkLine).Append("\">");
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) sb.Append(" · ");
            Anchor(sb, parts[i].Href, parts[i].Text);
        }
        sb.Append("</p>\n");
    }

    private static void Marked(StringBuilder sb, FieldSnippet snippet)
    {
        var at = 0;
        foreach (var mark in snippet.Marks)
        {
            sb.Append(Encode(snippet.Text[at..mark.Start]))
              .Append("<mark style=\"").Append(EmailStyle.Mark).Append("\">").Append(Encode(snippet.Text.Substring(mark.Start, mark.Length))).Append("</mark>");
            at = mark.End;
        }
        sb.Append(Encode(snippet.Text[at..]));
    }

    /// <summary>An anchor to an already safe link around already encoded text.</summary>
    private static void Anchor(StringBuilder sb, string href, string encodedText) =>
        sb.Append("<a href=\"").Append(Encode(href)).Append("\" style=\"").Append(EmailStyle.Link).Append("\">").Append(encodedText).Append("</a>");

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
