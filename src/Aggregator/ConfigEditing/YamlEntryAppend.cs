using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Aggregator.ConfigEditing.YamlTextLines;

namespace Aggregator.ConfigEditing;

/// <summary>
/// Adds an entry after a section's last entry, in the indentation its entries already have, so the
/// comments and blank lines that follow the list stay below it.
/// </summary>
internal static class YamlEntryAppend
{
    public static string Append(YamlConfigDocument document, string section, IReadOnlyList<YamlEntryKey> keys)
    {
        var text = document.Text;
        var newLine = document.NewLine;
        switch (document.Section(section))
        {
            case { Value: YamlSequenceNode { Style: SequenceStyle.Flow, Children.Count: > 0 } flow }:
            {
                var at = document.ContentEnd(flow.Children[^1]);
                var pairs = keys.Select(k => $"{k.Key}: {YamlValueReplacement.Inline(k.Value, inFlow: true)}");
                return YamlTextLines.Replace(text, at, at, $", {{{string.Join(", ", pairs)}}}");
            }
            case { Value: YamlSequenceNode { Style: not SequenceStyle.Flow, Children: [var first, ..] } block }:
            {
                var dash = Column(text, document.Dash(first));
                var key = first is YamlMappingNode { Style: not MappingStyle.Flow } ? Column(text, document.Start(first)) : dash + 2;
                var at = LineEnd(text, document.ContentEnd(block));
                return YamlTextLines.Replace(text, at, at, newLine + Lines(keys, dash, key, newLine));
            }
            case var (sectionKey, empty):
            {
                // "rules: []" or "rules:" becomes a block list under the key; a comment after it stays on the key's line.
                var (dashOffset, keyOffset) = document.EntryIndentStyle();
                var dash = Column(text, document.Start(sectionKey)) + dashOffset;
                var colon = document.AfterColon(sectionKey);
                var valueEnd = Math.Max(colon, document.ContentEnd(empty));
                var lineEnd = LineEnd(text, valueEnd);
                return text[..colon] + text[valueEnd..lineEnd] + newLine + Lines(keys, dash, dash + keyOffset, newLine) + text[lineEnd..];
            }
            default:
            {
                var (dashOffset, keyOffset) = document.EntryIndentStyle();
                var column = document.Root is { Children: [var top, ..] } ? Column(text, document.Start(top.Key)) : 0;
                var body = text.StartsWith('\uFEFF') ? text[1..] : text;
                var before = body.Length == 0 || body.EndsWith('\n') ? "" : newLine;
                var after = before.Length == 0 ? newLine : "";
                return text + before + Indent(column) + section + ":" + newLine + Lines(keys, column + dashOffset, column + dashOffset + keyOffset, newLine) + after;
            }
        }
    }

    private static string Lines(IReadOnlyList<YamlEntryKey> keys, int dashColumn, int keyColumn, string newLine) =>
        string.Join(newLine, keys.Select((k, i) =>
            (i == 0 ? Indent(dashColumn) + "-" + Indent(Math.Max(1, keyColumn - dashColumn - 1)) : Indent(keyColumn)) + k.Key + ": " + YamlValueReplacement.Inline(k.Value, inFlow: false)));
}
