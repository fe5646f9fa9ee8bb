using System.Globalization;
using Aggregator.Core.Alerts;
using Aggregator.Core.Query;

namespace Aggregator.Core.Rendering;

/// <summary>A match's snippet split around the matched words, so a renderer can mark them.</summary>
public sealed record HighlightedSnippet(string Before, string Marked, string After)
{
    /// <summary>
    /// Finds the matched text inside the snippet: first the exact characters the match covers in the item's
    /// field, then the term itself ignoring case and accents. Nothing found: the whole snippet, unmarked.
    /// </summary>
    public static HighlightedSnippet For(TermMatch match, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return For(match, alert.Item, alert.Feed.Id);
    }

    /// <summary>As <see cref="For(TermMatch, Alert)"/> for an item read from anywhere (the archive, a backtest).</summary>
    public static HighlightedSnippet For(TermMatch match, Items.FeedItem item, string feedId)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(item);
        var snippet = match.Snippet ?? string.Empty;
        var field = FieldText(match.Field, item, feedId);
        if (field is not null && match.Start >= 0 && match.Length > 0 && match.Start + match.Length <= field.Length)
        {
            var matched = field.Substring(match.Start, match.Length);
            var at = snippet.IndexOf(matched, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return Split(snippet, at, matched.Length);
        }
        var term = match.Term.Trim('"', '*', ' ');
        if (term.Length > 0 && !match.Term.StartsWith('/'))
        {
            var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(
                snippet, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace, out var length);
            if (at >= 0) return Split(snippet, at, length);
        }
        return new HighlightedSnippet(snippet, string.Empty, string.Empty);
    }

    private static HighlightedSnippet Split(string snippet, int at, int length) =>
        new(snippet[..at], snippet.Substring(at, length), snippet[(at + length)..]);

    private static string? FieldText(string field, Items.FeedItem item, string feedId) => field switch
    {
        "title" => item.Title,
        "summary" => item.Summary,
        "content" => item.Content,
        "link" => item.Link,
        "feed" => feedId,
        _ => null,
    };
}
