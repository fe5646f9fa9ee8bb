using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>Renders alerts as email: one alert per message, or a digest listing several.</summary>
public static class AlertMessage
{
    /// <summary>Subject <c>[rule-a, rule-b] item title</c>, one line, at most 200 characters.</summary>
    public static EmailContent Email(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var ruleIds = alert.Rules.Select(r => r.RuleId).ToArray();
        var subject = OneLine.Clean($"[{string.Join(", ", ruleIds)}] {alert.Item.Title}");
        var text = new StringBuilder();
        AlertText.Write(text, alert);
        var html = new StringBuilder(Prologue);
        AlertHtml.Write(html, alert);
        html.Append(Epilogue);
        return new EmailContent(subject, text.ToString(), html.ToString(), ruleIds);
    }

    /// <summary>
    /// Subject <c>[digest] N alerts</c>, or <c>[digest] N alerts (part 1 of 3)</c> for a part of one; the body
    /// lists each alert with its explanation.
    /// </summary>
    public static EmailContent Digest(IReadOnlyList<Alert> alerts, DigestPart? part = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var heading = part is null ? $"{alerts.Count} alerts" : $"{alerts.Count} alerts ({part})";
        var subject = $"[digest] {heading}";
        var text = new StringBuilder().Append(heading).Append('\n');
        var html = new StringBuilder(Prologue).Append("<h1>").Append(heading).Append("</h1>\n");
        foreach (var alert in alerts)
        {
            text.Append("\n----------------------------------------\n");
            AlertText.Write(text, alert);
            html.Append("<hr>\n");
            AlertHtml.Write(html, alert);
        }
        html.Append(Epilogue);
        var ruleIds = alerts.SelectMany(a => a.Rules).Select(r => r.RuleId).Distinct(StringComparer.Ordinal).ToArray();
        return new EmailContent(subject, text.ToString(), html.ToString(), ruleIds);
    }

    private const string Prologue = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n";
    private const string Epilogue = "</body></html>\n";
}
