namespace Aggregator.Core.Text;

/// <summary>A window of text around a match, cut at word boundaries, with "…" where text was left out.</summary>
public static class Snippet
{
    public const int DefaultContext = 60;

    public static string Around(string text, int start, int length, int context = DefaultContext)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + length, start, text.Length);
        var from = start - context;
        var cutLeft = from > 0;
        if (!cutLeft) from = 0;
        else
        {
            var space = IndexOfSpace(text, from, start);
            if (space >= 0) from = space + 1;
        }
        var to = end + context;
        var cutRight = to < text.Length;
        if (!cutRight) to = text.Length;
        else
        {
            var space = LastIndexOfSpace(text, end, to);
            if (space >= 0) to = space;
        }
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        if (!cutLeft && !cutRight && from == 0 && to == text.Length) return text;
        // One allocation: the window, trimmed, with its marks.
        var size = (cutLeft ? 1 : 0) + (to - from) + (cutRight ? 1 : 0);
        return string.Create(size, (text, from, to, cutLeft, cutRight), static (span, s) =>
        {
            if (s.cutLeft) span[0] = '…';
            s.text.AsSpan(s.from, s.to - s.from).CopyTo(span[(s.cutLeft ? 1 : 0)..]);
            if (s.cutRight) span[^1] = '…';
        });
    }

    private static int IndexOfSpace(string text, int from, int before)
    {
        for (var i = from; i < before; i++)
            if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }

    private static int LastIndexOfSpace(string text, int after, int to)
    {
        for (var i = to; i > after; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
