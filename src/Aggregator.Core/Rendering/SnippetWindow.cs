using System.Text;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Cuts a field's text to one readable line around its marks: overlapping or touching marks become one, the
/// window covers as many marks as fit, runs of white space and control characters become one space, and
/// "…" stands where text was left out.
/// </summary>
public static class SnippetWindow
{
    /// <summary>Sorted, with overlapping and touching marks joined.</summary>
    public static IReadOnlyList<SnippetMark> Merge(IEnumerable<SnippetMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var merged = new List<SnippetMark>();
        foreach (var mark in marks.Where(m => m.Length > 0).OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new SnippetMark(last.Start, Math.Max(last.End, mark.End) - last.Start);
            }
            else merged.Add(mark);
        }
        return merged;
    }

    /// <summary>
    /// The window of at most <paramref name="maxLength"/> characters (plus the "…" marks) and the marks inside
    /// it, shifted to its text. <paramref name="marks"/> must be merged.
    /// </summary>
    public static (string Text, IReadOnlyList<SnippetMark> Marks) Cut(string text, IReadOnlyList<SnippetMark> marks, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marks);
        var (from, to) = Bounds(text, marks, maxLength);
        var sb = new StringBuilder(to - from + 2);
        if (from > 0) sb.Append('…');
        var kept = new List<SnippetMark>();
        var next = 0;
        while (next < marks.Count && marks[next].End <= from) next++;
        int? markStart = null;
        var pendingSpace = false;
        for (var i = from; i < to; i++)
        {
            if (next < marks.Count && i == Math.Max(marks[next].Start, from))
            {
                if (pendingSpace && sb.Length > 0 && sb[^1] != '…') sb.Append(' ');
                pendingSpace = false;
                markStart = sb.Length;
            }
            var c = text[i];
            if (IsBlank(c)) pendingSpace = true;
            else
            {
                if (pendingSpace && sb.Length > 0 && sb[^1] != '…') sb.Append(' ');
                pendingSpace = false;
                sb.Append(c);
            }
            if (markStart is { } started && next < marks.Count && (i + 1 == Math.Min(marks[next].End, to)))
            {
                if (sb.Length > started) kept.Add(new SnippetMark(started, sb.Length - started));
                markStart = null;
                next++;
            }
        }
        if (to < text.Length) sb.Append('…');
        return (sb.ToString(), kept);
    }

    /// <summary>The start and end of the window: the run of marks that fits, centred, widened to word boundaries.</summary>
    private static (int From, int To) Bounds(string text, IReadOnlyList<SnippetMark> marks, int maxLength)
    {
        if (text.Length <= maxLength) return (0, text.Length);
        var (first, last) = BestRun(marks, maxLength);
        var spanStart = marks.Count == 0 ? 0 : marks[first].Start;
        var spanEnd = marks.Count == 0 ? 0 : Math.Min(marks[last].End, spanStart + maxLength);
        var spare = maxLength - (spanEnd - spanStart);
        // Less before the marks than after: a sentence is read forwards, and its start gives the context.
        var from = Math.Max(0, spanStart - spare / 3);
        var to = Math.Min(text.Length, from + maxLength);
        from = Math.Max(0, to - maxLength);
        if (from > 0)
        {
            var space = IndexOfBlank(text, from, spanStart);
            if (space >= 0) from = space + 1;
            if (char.IsLowSurrogate(text[from])) from++;
        }
        if (to < text.Length)
        {
            var space = LastIndexOfBlank(text, spanEnd, to);
            if (space >= 0) to = space;
            if (to > from && char.IsHighSurrogate(text[to - 1])) to--;
        }
        return (from, to);
    }

    /// <summary>The first and last index of the longest run of marks whose extent fits in <paramref name="maxLength"/> (the first such run on ties).</summary>
    private static (int First, int Last) BestRun(IReadOnlyList<SnippetMark> marks, int maxLength)
    {
        var best = (First: 0, Last: 0);
        var j = 0;
        for (var i = 0; i < marks.Count; i++)
        {
            if (j < i) j = i;
            while (j + 1 < marks.Count && marks[j + 1].End - marks[i].Start <= maxLength) j++;
            if (j - i > best.Last - best.First) best = (i, j);
        }
        return best;
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || char.IsControl(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Format;

    private static int IndexOfBlank(string text, int from, int before)
    {
        for (var i = from; i < before; i++)
            if (IsBlank(text[i])) return i;
        return -1;
    }

    private static int LastIndexOfBlank(string text, int after, int to)
    {
        for (var i = Math.Min(to, text.Length - 1); i > after; i--)
            if (IsBlank(text[i])) return i;
        return -1;
    }
}
