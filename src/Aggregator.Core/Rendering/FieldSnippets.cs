using System.Globalization;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Gathers the matches of any number of rules into one <see cref="FieldSnippet"/> per field, in a fixed field
/// order (title first), so a sentence is shown once with all its terms marked instead of once per term.
/// </summary>
public static class FieldSnippets
{
    private static readonly string[] FieldOrder = ["title", "summary", "content", "category", "author", "link", "feed"];

    /// <summary>Every field any of the alert's rules matched in.</summary>
    public static IReadOnlyList<FieldSnippet> For(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return For(alert.Rules.SelectMany(r => r.Matches), alert.Item, alert.Feed);
    }

    public static IReadOnlyList<FieldSnippet> For(IEnumerable<TermMatch> matches, FeedItem item, FeedRef feed)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(feed);
        return [.. matches
            .GroupBy(m => m.Field, StringComparer.Ordinal)
            .OrderBy(g => Rank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ForField(g.Key, [.. g], FieldText(g.Key, item, feed)))];
    }

    /// <summary>The window limit of a field: titles whole, a summary nearly whole, longer text around its marks.</summary>
    public static int MaxLength(string field) => field switch
    {
        "title" => 300,
        "summary" => 600,
        _ => 240,
    };

    private static FieldSnippet ForField(string field, IReadOnlyList<TermMatch> matches, string? text)
    {
        // A field rendering cannot rebuild (or offsets that do not fit it) falls back to the match's own snippet.
        if (string.IsNullOrEmpty(text)) text = matches.Select(m => m.Snippet).FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? string.Empty;
        var marks = new List<SnippetMark>(matches.Count);
        foreach (var match in matches)
        {
            if (Locate(match, text) is not { } mark) continue;
            marks.Add(mark);
            marks.AddRange(Repeats(text, mark));
        }
        var (window, kept) = SnippetWindow.Cut(text, SnippetWindow.Merge(marks), MaxLength(field));
        return new FieldSnippet(field, window, kept);
    }

    private static SnippetMark? Locate(TermMatch match, string text)
    {
        if (match.Start >= 0 && match.Length > 0 && match.Start + match.Length <= text.Length)
            return new SnippetMark(match.Start, match.Length);
        var term = match.Term.Trim('"', '*', ' ');
        if (term.Length == 0 || match.Term.StartsWith('/')) return null;
        var at = CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace, out var length);
        return at >= 0 && length > 0 ? new SnippetMark(at, length) : null;
    }

    /// <summary>
    /// The later occurrences of a match's words as whole words: the matcher reports the first one, and a reader
    /// looks for all of them.
    /// </summary>
    private static IEnumerable<SnippetMark> Repeats(string text, SnippetMark first)
    {
        var words = text.Substring(first.Start, first.Length);
        var found = 0;
        for (var at = text.IndexOf(words, first.End, StringComparison.OrdinalIgnoreCase);
             at >= 0 && found < MaxRepeats;
             at = text.IndexOf(words, at + words.Length, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + words.Length;
            if (!IsWordEdge(text, at - 1, at) || !IsWordEdge(text, end, end - 1)) continue;
            found++;
            yield return new SnippetMark(at, words.Length);
        }
    }

    private const int MaxRepeats = 50;

    /// <summary>
    /// Whether the text may end a word between <paramref name="outside"/> and <paramref name="inside"/>: at the
    /// text's ends, beside a non-letter, or beside Han or kana, each character of which is a word of its own.
    /// </summary>
    private static bool IsWordEdge(string text, int outside, int inside) =>
        outside < 0 || outside >= text.Length || !char.IsLetterOrDigit(text[outside]) || IsHanOrKana(text[outside]) || IsHanOrKana(text[inside]);

    private static bool IsHanOrKana(char c) => c is (>= '぀' and <= 'ヿ') or (>= '㐀' and <= '鿿') or (>= '豈' and <= '﫿');

    private static int Rank(string field)
    {
        var i = Array.IndexOf(FieldOrder, field);
        return i < 0 ? FieldOrder.Length : i;
    }

    /// <summary>The field's plain text as the matcher saw it (multi-valued fields joined by ", ").</summary>
    private static string? FieldText(string field, FeedItem item, FeedRef feed) => field switch
    {
        "title" => item.Title,
        "summary" => item.Summary,
        "content" => item.Content,
        "link" => item.Link,
        "author" => string.Join(", ", item.Authors),
        "category" => string.Join(", ", item.Categories),
        "feed" => string.IsNullOrWhiteSpace(feed.Title) || feed.Title == feed.Id ? feed.Id : $"{feed.Id}, {feed.Title}",
        _ => null,
    };
}
