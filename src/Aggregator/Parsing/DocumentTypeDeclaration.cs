namespace Aggregator.Parsing;

/// <summary>
/// The <c>&lt;!DOCTYPE ...&gt;</c> of a decoded document, located by a small scanner of the prolog so it
/// can be judged (does it declare entities?) and cut out before any DTD-aware parser sees the text.
/// </summary>
/// <param name="Start">Index of <c>&lt;!DOCTYPE</c> in the text.</param>
/// <param name="Length">Characters up to and including the closing <c>&gt;</c>.</param>
/// <param name="InternalSubset">The text between <c>[</c> and <c>]</c>, or null when there is none.</param>
internal sealed record DocumentTypeDeclaration(int Start, int Length, string? InternalSubset)
{
    /// <summary>Declares entities (general or parameter) or references parameter entities.</summary>
    public bool DeclaresEntities =>
        InternalSubset is { } subset
        && (subset.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase) || subset.Contains('%', StringComparison.Ordinal));

    /// <summary>Finds the DOCTYPE in the prolog; null when the prolog has none (or is not XML at all).</summary>
    public static DocumentTypeDeclaration? Find(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '<') return null;
            if (At(text, i, "<?"))
            {
                var end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                i = end + 2;
            }
            else if (At(text, i, "<!--"))
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return null;
                i = end + 3;
            }
            else if (At(text, i, "<!DOCTYPE"))
            {
                return ScanDoctype(text, i);
            }
            else
            {
                return null; // the root element: no DOCTYPE after it is legal
            }
        }
        return null;
    }

    /// <summary>The text with this declaration cut out.</summary>
    public string RemoveFrom(string text) => string.Concat(text.AsSpan(0, Start), text.AsSpan(Start + Length));

    private static DocumentTypeDeclaration? ScanDoctype(string text, int start)
    {
        var i = start + "<!DOCTYPE".Length;
        int? subsetStart = null;
        int? subsetEnd = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0) return Unterminated(text, start);
                i = close + 1;
                continue;
            }
            if (c == '[' && subsetStart is null)
            {
                subsetStart = i + 1;
                subsetEnd = SubsetEnd(text, i + 1);
                if (subsetEnd < 0) return Unterminated(text, start);
                i = subsetEnd.Value + 1;
                continue;
            }
            if (c == '>')
            {
                var subset = subsetStart is { } s ? text[s..subsetEnd!.Value] : null;
                return new DocumentTypeDeclaration(start, i + 1 - start, subset);
            }
            i++;
        }
        return Unterminated(text, start);
    }

    /// <summary>The index of the <c>]</c> closing the internal subset, skipping quoted literals and comments.</summary>
    private static int SubsetEnd(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0) return -1;
                i = close + 1;
            }
            else if (At(text, i, "<!--"))
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return -1;
                i = end + 3;
            }
            else if (c == ']')
            {
                return i;
            }
            else
            {
                i++;
            }
        }
        return -1;
    }

    // An unterminated DOCTYPE is treated as declaring everything: the caller refuses it.
    private static DocumentTypeDeclaration Unterminated(string text, int start) =>
        new(start, text.Length - start, text[start..]);

    private static bool At(string text, int i, string token) =>
        string.CompareOrdinal(text, i, token, 0, token.Length) == 0;
}
