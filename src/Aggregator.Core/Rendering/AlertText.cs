using System.Globalization;
using System.Text;
using Aggregator.Core.Alerts;

namespace Aggregator.Core.Rendering;

/// <summary>
/// The plain text description of one alert, for a terminal: title, link, feed and time, one line per matched
/// field with every term in [brackets], then each rule with why it fired and its links. Prose wraps at 78
/// columns; URLs are never broken.
/// </summary>
internal static class AlertText
{
    public static void Write(StringBuilder sb, Alert alert, AlertLinkSource? links, bool withPreferences)
    {
        TextWrap.Append(sb, OneLine.Clean(alert.Item.Title, 1000));
        if (SafeLink.From(alert.Item.Link) is { } link) sb.Append(link).Append('\n');
        sb.Append('\n');
        var feed = "Feed: " + OneLine.Clean(alert.Feed.Title, 1000);
        if (SafeLink.From(alert.Feed.Url) is { } feedUrl) feed += " <" + feedUrl + ">";
        TextWrap.Append(sb, feed, indent: "  ");
        if (alert.Item.Published is { } published) sb.Append("Published: ").Append(FormatTime(published)).Append('\n');
        if (AlsoSources.Of(alert) is { Count: > 0 } also)
            TextWrap.Append(sb, "Also: " + string.Join(", ", also.Select(s => OneLine.Clean(s.FeedTitle, 200))), indent: "  ");
        var snippets = FieldSnippets.For(alert);
        if (snippets.Count > 0)
        {
            sb.Append('\n');
            var width = snippets.Max(s => s.Field.Length) + 2;
            foreach (var snippet in snippets)
                TextWrap.Append(sb, Bracketed(snippet), (snippet.Field + ":").PadRight(width), new string(' ', width));
        }
        if (!snippets.Any(s => s.Field == "summary") && Summary(alert) is { } summary)
        {
            sb.Append('\n');
            TextWrap.Append(sb, OneLine.Clean(summary, SummaryLength + 1));
        }
        foreach (var rule in alert.Rules)
        {
            sb.Append('\n');
            TextWrap.Append(sb, $"Rule {rule.RuleId}: {OneLine.Clean(rule.Query, 1000)}", indent: "  ");
            if (rule.Matches.Count > 0) TextWrap.Append(sb, "Matched: " + MatchSummary.Of(rule), indent: "  ");
            var ruleLinks = links?.Invoke(alert, rule.RuleId);
            Link(sb, "Why this alert", ruleLinks?.Why);
            if (withPreferences) Link(sb, "Preferences", ruleLinks?.Preferences);
            Link(sb, "Unsubscribe from this rule", ruleLinks?.Unsubscribe);
        }
    }

    /// <summary>A labelled link on a line of its own, never wrapped; nothing for a missing or non-http link.</summary>
    public static void Link(StringBuilder sb, string label, Uri? link)
    {
        if (SafeLink.From(link?.AbsoluteUri) is { } href) sb.Append(label).Append(": ").Append(href).Append('\n');
    }

    /// <summary>The snippet with each mark in square brackets.</summary>
    public static string Bracketed(FieldSnippet snippet)
    {
        var sb = new StringBuilder(snippet.Text.Length + 4 * snippet.Marks.Count);
        var at = 0;
        foreach (var mark in snippet.Marks)
        {
            sb.Append(snippet.Text, at, mark.Start - at).Append('[').Append(snippet.Text, mark.Start, mark.Length).Append(']');
            at = mark.End;
        }
        return sb.Append(snippet.Text, at, snippet.Text.Length - at).ToString();
    }

    /// <summary>The item's summary, cut to a readable length; null when it has none.</summary>
    public static string? Summary(Alert alert) =>
        string.IsNullOrWhiteSpace(alert.Item.Summary) ? null : OneLine.Cut(alert.Item.Summary.Trim(), SummaryLength);

    private const int SummaryLength = 600;

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
