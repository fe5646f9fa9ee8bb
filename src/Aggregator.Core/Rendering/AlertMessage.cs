using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Renders alerts as email: one alert per message, or a digest listing several. <c>links</c>, when given,
/// adds "Why this alert · Preferences · Unsubscribe from this rule" under each rule; without it (no public
/// base URL) the message has no links line at all.
/// </summary>
public static class AlertMessage
{
    /// <summary>Subject <c>[rule-a, rule-b] item title</c>, one line, at most 200 characters.</summary>
    public static EmailContent Email(Alert alert, AlertLinkSource? links = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var ruleIds = alert.Rules.Select(r => r.RuleId).ToArray();
        var subject = OneLine.Clean($"[{string.Join(", ", ruleIds)}] {alert.Item.Title}");
        var text = new StringBuilder();
        AlertText.Write(text, alert, links, withPreferences: true);
        var html = Open(subject);
        AlertHtml.Write(html, alert, links, withPreferences: true);
        return new EmailContent(subject, text.ToString(), Close(html), ruleIds);
    }

    /// <summary>
    /// Subject <c>[digest] N alerts</c>, or <c>[digest] N alerts (part 1 of 3)</c> for a part of one; the body
    /// lists each alert with its explanation and its rules' unsubscribe links, and ends with the preferences link.
    /// </summary>
    public static EmailContent Digest(IReadOnlyList<Alert> alerts, DigestPart? part = null, AlertLinkSource? links = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var heading = part is null ? $"{alerts.Count} alerts" : $"{alerts.Count} alerts ({part})";
        var subject = $"[digest] {heading}";
        var text = new StringBuilder().Append(heading).Append('\n');
        var html = Open(subject).Append("<h1 style=\"").Append(EmailStyle.Heading).Append("\">").Append(heading).Append("</h1>\n");
        for (var i = 0; i < alerts.Count; i++)
        {
            text.Append('\n').Append(Separator).Append('\n');
            AlertText.Write(text, alerts[i], links, withPreferences: false);
            if (i > 0) html.Append("<hr style=\"").Append(EmailStyle.Separator).Append("\">\n");
            AlertHtml.Write(html, alerts[i], links, withPreferences: false);
        }
        if (PreferencesOf(alerts, links) is { } preferences)
        {
            text.Append('\n').Append(Separator).Append('\n');
            AlertText.Link(text, "Preferences", preferences);
            html.Append("<hr style=\"").Append(EmailStyle.Separator).Append("\">\n");
            AlertHtml.LinkLine(html, new AlertLinks(null, preferences, null));
        }
        var ruleIds = alerts.SelectMany(a => a.Rules).Select(r => r.RuleId).Distinct(StringComparer.Ordinal).ToArray();
        return new EmailContent(subject, text.ToString(), Close(html), ruleIds);
    }

    private const string Separator = "----------------------------------------";

    /// <summary>A digest goes to one subscriber, so any rule's preferences link is theirs.</summary>
    private static Uri? PreferencesOf(IReadOnlyList<Alert> alerts, AlertLinkSource? links) =>
        links is null ? null : alerts.SelectMany(a => a.Rules.Select(r => links(a, r.RuleId)?.Preferences)).FirstOrDefault(p => p is not null);

    private static StringBuilder Open(string subject) =>
        new StringBuilder(EmailStyle.Head).Append("<title>").Append(AlertHtml.Encode(subject)).Append("</title></head>\n")
            .Append("<body style=\"").Append(EmailStyle.Body).Append("\">\n<div style=\"").Append(EmailStyle.Container).Append("\">\n");

    private static string Close(StringBuilder html) => html.Append("</div>\n</body></html>\n").ToString();
}
