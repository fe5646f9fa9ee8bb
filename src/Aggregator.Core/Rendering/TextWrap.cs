using System.Text;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Wraps prose for a terminal at <see cref="Width"/> columns, breaking only at spaces: a word longer than the
/// line (a URL) stays whole on a line of its own, so it can still be copied or clicked.
/// </summary>
internal static class TextWrap
{
    public const int Width = 78;

    /// <summary>Appends <paramref name="text"/> (one line, no breaks) starting with <paramref name="first"/>, continuation lines with <paramref name="indent"/>.</summary>
    public static void Append(StringBuilder sb, string text, string first = "", string indent = "")
    {
        var column = 0;
        sb.Append(first);
        column += first.Length;
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && column + 1 + word.Length > Width)
            {
                sb.Append('\n').Append(indent);
                column = indent.Length;
                lineHasWord = false;
            }
            if (lineHasWord)
            {
                sb.Append(' ');
                column++;
            }
            sb.Append(word);
            column += word.Length;
            lineHasWord = true;
        }
        sb.Append('\n');
    }
}
