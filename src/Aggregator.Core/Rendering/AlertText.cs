using System.Globalization;
using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>The plain text description of one alert: title, link, feed, time, and why each rule matched.</summary>
internal static class AlertText
{
    public static void Write(StringBuilder sb, Alert alert)
    {
        sb.Append(OneLine.Clean(alert.Item.Title, 1000)).Append('\n');
        if (SafeLink.From(alert.Item.Link) is { } link) sb.Append(link).Append('\n');
        sb.Append('\n');
        sb.Append("Feed: ").Append(OneLine.Clean(alert.Feed.Title, 1000));
        if (SafeLink.From(alert.Feed.Url) is { } feedUrl) sb.Append(" <").Append(feedUrl).Append('>');
        sb.Append('\n');
        if (alert.Item.Published is { } published) sb.Append("Published: ").Append(FormatTime(published)).Append('\n');
        if (Summary(alert) is { } summary) sb.Append('\n').Append(summary).Append('\n');
        foreach (var rule in alert.Rules)
        {
            sb.Append('\n').Append("Rule ").Append(rule.RuleId).Append(": ").Append(OneLine.Clean(rule.Query, 1000)).Append('\n');
            foreach (var match in rule.Matches)
            {
                var h = HighlightedSnippet.For(match, alert);
                var snippet = h.Marked.Length == 0 ? h.Before : $"{h.Before}[{h.Marked}]{h.After}";
                sb.Append("  ").Append(match.Field).Append(": ").Append(OneLine.Clean(snippet, 1000)).Append('\n');
            }
        }
    }

    /// <summary>The item's summary, cut to a readable length; null when it has none.</summary>
    public static string? Summary(Alert alert) =>
        string.IsNullOrWhiteSpace(alert.Item.Summary) ? null : OneLine.Cut(alert.Item.Summary.Trim(), SummaryLength);

    private const int SummaryLength = 1000;

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
