using System.Buffers;
using System.Globalization;
using System.Text;

namespace Aggregator.Core.Rendering;

/// <summary>
/// Makes a value safe as a single line. <see cref="Clean"/> is for what people read (a mail subject, a
/// title): line breaks and other control characters become spaces. <see cref="Escape"/> is for what an
/// operator reads (console output, logs, errors): they become visible escapes, so nothing is hidden.
/// </summary>
public static class OneLine
{
    public const int SubjectLength = 200;

    /// <summary>C0 controls, DEL and C1 controls, line and paragraph separators, bidirectional marks, embeddings and isolates.</summary>
    private static readonly SearchValues<char> Hidden = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u061C', '\u200E', '\u200F', '\u2028', '\u2029', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
         '\u2066', '\u2067', '\u2068', '\u2069']);

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

    /// <summary>
    /// The text with every character that could break the line or disguise it written as an escape: <c>\n</c>,
    /// <c>\r</c>, <c>\t</c>, and <c>\uXXXX</c> for other C0 and C1 controls, DEL, the Unicode line and
    /// paragraph separators and the bidirectional controls; cut to <paramref name="maxLength"/> with "…".
    /// </summary>
    public static string Escape(string? text, int maxLength = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (!text.AsSpan().ContainsAny(Hidden)) return Cut(text, maxLength);
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case var _ when Hidden.Contains(c): sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
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
