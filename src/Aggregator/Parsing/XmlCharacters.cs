using System.Buffers;

namespace Aggregator.Parsing;

/// <summary>
/// Which characters a feed's text may keep: those XML 1.0 allows (stray control characters from CMS exports
/// are common and harmless to drop) and, as CodeHollow.FeedReader's own string path does, not DEL or a
/// zero-width no-break space (U+FEFF, a BOM pasted into the middle of a document).
/// </summary>
internal static class XmlCharacters
{
    /// <summary>Every character that may need dropping; surrogates are kept when they form a pair.</summary>
    private static readonly SearchValues<char> Suspect = SearchValues.Create(SuspectCharacters());

    /// <summary>Index of the first character to drop, or -1 when the text may be kept as it is.</summary>
    public static int FirstForbidden(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAny(Suspect);
            if (next < 0) return -1;
            i += next;
            if (!IsPairAt(text, i)) return i;
            i += 2;
        }
    }

    /// <summary>
    /// Drops forbidden characters in place and returns how many are kept. A high surrogate that ends the
    /// span is kept when <paramref name="more"/> is true: its low half comes with the next span, and
    /// <paramref name="pendingHigh"/> carries that across calls.
    /// </summary>
    public static int Compact(Span<char> text, bool more, ref bool pendingHigh)
    {
        var from = 0;
        if (pendingHigh)
        {
            pendingHigh = false;
            if (text.Length > 0 && char.IsLowSurrogate(text[0])) from = 1;
        }
        var first = FirstForbidden(text[from..]);
        var kept = first < 0 ? text.Length : from + first;
        for (var i = kept; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPairAt(text, i))
            {
                text[kept++] = c;
                text[kept++] = text[++i];
            }
            else if (more && i == text.Length - 1 && char.IsHighSurrogate(c))
            {
                text[kept++] = c;
                pendingHigh = true;
            }
            else if (!Suspect.Contains(c))
            {
                text[kept++] = c;
            }
        }
        return kept;
    }

    /// <summary>The text without forbidden characters (the same instance when nothing is dropped).</summary>
    public static string RemoveForbidden(string text)
    {
        if (FirstForbidden(text) < 0) return text;
        var chars = text.ToCharArray();
        var pending = false;
        return new string(chars, 0, Compact(chars, more: false, ref pending));
    }

    private static bool IsPairAt(ReadOnlySpan<char> text, int i) =>
        i >= 0 && i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]);

    private static string SuspectCharacters()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r')) chars.Add(c);
        }
        chars.Add('\u007F');
        for (var c = '\uD800'; c <= '\uDFFF'; c++) chars.Add(c);
        chars.AddRange(['\uFEFF', '\uFFFE', '\uFFFF']);
        return new string([.. chars]);
    }
}
