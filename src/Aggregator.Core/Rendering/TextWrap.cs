using System.Text;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Wraps prose for a terminal at <see cref="Width"/> columns, breaking at spaces, and between East Asian
/// characters (which take two columns each and are written without spaces). A word longer than the line that
/// is not East Asian text (a URL) stays whole on a line of its own, so it can still be copied or clicked.
/// </summary>
internal static class TextWrap
{
    public const int Width = 78;

    /// <summary>Appends <paramref name="text"/> (one line, no breaks) starting with <paramref name="first"/>, continuation lines with <paramref name="indent"/>.</summary>
    public static void Append(StringBuilder sb, string text, string first = "", string indent = "")
    {
        var column = Columns(first);
        sb.Append(first);
        var lineHasText = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in Pieces(word))
            {
                var glued = piece.Glued && lineHasText;
                var needed = Columns(piece.Text) + (glued || !lineHasText ? 0 : 1);
                if (lineHasText && column + needed > Width)
                {
                    sb.Append('\n').Append(indent);
                    column = Columns(indent);
                    lineHasText = false;
                    needed = Columns(piece.Text);
                }
                else if (lineHasText && !glued)
                {
                    sb.Append(' ');
                }
                sb.Append(piece.Text);
                column += needed;
                lineHasText = true;
            }
        }
        sb.Append('\n');
    }

    /// <summary>
    /// A word as the pieces a line may break between: itself, or for East Asian text each wide character with
    /// whatever narrow characters follow it. Every piece after the first is glued to the one before (no space).
    /// </summary>
    private static IEnumerable<(string Text, bool Glued)> Pieces(string word)
    {
        if (!word.Any(IsWide) || word.Contains("://", StringComparison.Ordinal))
        {
            yield return (word, false);
            yield break;
        }
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsLowSurrogate(word[i]) || !IsWide(word[i]) || IsClosing(word[i])) continue;
            yield return (word[start..i], start > 0);
            start = i;
        }
        yield return (word[start..], start > 0);
    }

    /// <summary>Closing punctuation stays with the character before it, as East Asian line breaking expects.</summary>
    private static bool IsClosing(char c) => "、。，．・：；？！」』）〕］｝〉》】ー".Contains(c);

    private static int Columns(string text)
    {
        var columns = 0;
        foreach (var c in text)
            if (!char.IsLowSurrogate(c)) columns += IsWide(c) ? 2 : 1;
        return columns;
    }

    /// <summary>Hangul, CJK, kana, and full-width forms: the characters a terminal draws two columns wide.</summary>
    private static bool IsWide(char c) => c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF')
        or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F')
        or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
