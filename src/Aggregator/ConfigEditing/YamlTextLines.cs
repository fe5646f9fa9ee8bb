namespace Aggregator.ConfigEditing;

/// <summary>Line arithmetic on a file's raw text, whatever its line endings.</summary>
internal static class YamlTextLines
{
    /// <summary>The file's own line ending, so inserted lines match the lines around them.</summary>
    public static string NewLine(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    public static int LineStart(string text, int index) => index <= 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    /// <summary>The index just before the line break of the line holding <paramref name="index"/>, or the end of the text.</summary>
    public static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        if (newline < 0) return text.Length;
        return newline > 0 && text[newline - 1] == '\r' ? newline - 1 : newline;
    }

    /// <summary>The index just after the line break of the line holding <paramref name="index"/>, or the end of the text.</summary>
    public static int NextLineStart(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>The position just after the last non-blank character before <paramref name="end"/>.</summary>
    public static int TrimmedEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }

    public static string Indent(int columns) => new(' ', columns);

    /// <summary>The column of <paramref name="index"/>, counted from 0.</summary>
    public static int Column(string text, int index) => index - LineStart(text, index);

    /// <summary>
    /// Removes whole lines from the one holding <paramref name="start"/> to the one holding <paramref name="end"/>.
    /// When they are the last lines and the file has no final line break, the break before them goes instead,
    /// so the file still ends without one.
    /// </summary>
    public static string RemoveLines(string text, int start, int end)
    {
        var from = LineStart(text, start);
        var to = NextLineStart(text, end);
        if (to == text.Length && !text.EndsWith('\n') && from > 0)
            from = text[from - 1] == '\n' && from > 1 && text[from - 2] == '\r' ? from - 2 : from - 1;
        return string.Concat(text.AsSpan(0, from), text.AsSpan(to));
    }

    public static string Replace(string text, int start, int end, string replacement) =>
        string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
}
