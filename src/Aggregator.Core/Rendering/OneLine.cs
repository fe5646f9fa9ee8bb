using System.Globalization;
using System.Text;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Makes a value safe and readable as a single header line: line breaks and other control characters
/// become spaces, runs of whitespace collapse, and the result is cut to a maximum length with "…".
/// </summary>
public static class OneLine
{
    public const int SubjectLength = 200;

    public static string Clean(string? text, int maxLength = SubjectLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            var blank = char.IsWhiteSpace(c) || char.IsControl(c)
                || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (blank)
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return Cut(sb.ToString(), maxLength);
    }

    /// <summary>Cuts to <paramref name="maxLength"/> characters, ending with "…", never inside a surrogate pair.</summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength) return text;
        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1])) keep--;
        return string.Concat(text.AsSpan(0, keep).TrimEnd(), "…");
    }
}
