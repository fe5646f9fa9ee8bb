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
        var body = text[from..to].Trim();
        return (cutLeft ? "…" : string.Empty) + body + (cutRight ? "…" : string.Empty);
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
