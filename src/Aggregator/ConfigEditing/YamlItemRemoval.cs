using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Aggregator.ConfigEditing.YamlTextLines;

namespace Aggregator.ConfigEditing;

/// <summary>Removes a key of a mapping or an entry of a list: whole lines in block style, the item and its comma in flow style.</summary>
internal static class YamlItemRemoval
{
    public static string RemovePair(YamlConfigDocument document, YamlMappingNode mapping, int index)
    {
        var text = document.Text;
        var (key, value) = mapping.Children[index];
        var start = document.Start(key);
        var end = Math.Max(document.ContentEnd(key), document.ContentEnd(value));
        var next = index + 1 < mapping.Children.Count ? document.Start(mapping.Children[index + 1].Key) : (int?)null;
        if (mapping.Style == MappingStyle.Flow)
        {
            if (index > 0) return Cut(text, document.ContentEnd(mapping.Children[index - 1].Value), end);
            return Cut(text, start, next ?? end);
        }
        // A key on the line of its entry's dash ("- query: x") hands that place to the next key.
        if (text.AsSpan(LineStart(text, start), start - LineStart(text, start)).Trim().Length > 0)
            return Cut(text, start, next ?? end);
        return RemoveLines(text, start, end);
    }

    public static string RemoveEntry(YamlConfigDocument document, YamlNode sectionKey, YamlSequenceNode sequence, int index)
    {
        var text = document.Text;
        var entry = sequence.Children[index];
        var end = document.ContentEnd(entry);
        if (sequence.Style == SequenceStyle.Flow)
        {
            if (index > 0) return Cut(text, document.ContentEnd(sequence.Children[index - 1]), end);
            return Cut(text, document.Start(entry), index + 1 < sequence.Children.Count ? document.Start(sequence.Children[index + 1]) : end);
        }

        var dash = document.Dash(entry);
        var first = CommentLinesAbove(text, LineStart(text, dash), Column(text, dash));
        // Blank lines part entries: one run of them stays where the entry was, not two, and none is left at the section's end.
        var blankAbove = BlankLinesAbove(text, first);
        var blankBelow = ThroughBlankLinesAfter(text, end, Column(text, dash));
        if (blankBelow > end && (index == 0 || blankAbove < first)) end = blankBelow;
        else if (blankAbove < first && blankBelow == end) first = blankAbove;
        var removed = RemoveLines(text, first, end);
        // The last entry leaves "rules: []" rather than a bare "rules:", which reads as a mistake.
        if (sequence.Children.Count > 1) return removed;
        var colon = document.AfterColon(sectionKey);
        return YamlTextLines.Replace(removed, colon, colon, " []");
    }

    /// <summary>
    /// The start of the last blank line after <paramref name="end"/>'s line when the next line of text is another entry (at
    /// <paramref name="column"/>); otherwise <paramref name="end"/>.
    /// </summary>
    private static int ThroughBlankLinesAfter(string text, int end, int column)
    {
        var last = end;
        for (var next = NextLineStart(text, end); next < text.Length; next = NextLineStart(text, next))
        {
            var line = text.AsSpan(next, NextLineStart(text, next) - next);
            if (!line.IsWhiteSpace()) return line.Length > column && line[..column].IsWhiteSpace() && line[column] != ' ' ? last : end;
            last = next;
        }
        return end;
    }

    /// <summary>The start of the blank lines directly above <paramref name="lineStart"/>, or the line itself.</summary>
    private static int BlankLinesAbove(string text, int lineStart)
    {
        while (lineStart > 0)
        {
            var previous = LineStart(text, lineStart - 1);
            if (!text.AsSpan(previous, lineStart - previous).IsWhiteSpace()) break;
            lineStart = previous;
        }
        return lineStart;
    }

    /// <summary>The start of the comment lines directly above <paramref name="lineStart"/> at the given column, or the line itself.</summary>
    private static int CommentLinesAbove(string text, int lineStart, int column)
    {
        while (lineStart > 0)
        {
            var previous = LineStart(text, lineStart - 1);
            var line = text.AsSpan(previous, lineStart - previous).TrimEnd("\r\n");
            if (line.Length <= column || line[column] != '#' || !line[..column].IsWhiteSpace()) break;
            lineStart = previous;
        }
        return lineStart;
    }

    private static string Cut(string text, int start, int end) => string.Concat(text.AsSpan(0, start), text.AsSpan(end));
}
