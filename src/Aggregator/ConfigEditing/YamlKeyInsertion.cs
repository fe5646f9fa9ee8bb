using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Aggregator.ConfigEditing.YamlTextLines;

namespace Aggregator.ConfigEditing;

/// <summary>Adds a key a mapping does not have yet, after its last key, as its siblings are written.</summary>
internal static class YamlKeyInsertion
{
    private const int NestedIndent = 2;

    /// <param name="path">The missing key, or a missing mapping and the keys under it (<c>webhook</c>, <c>url</c>).</param>
    public static string Insert(YamlConfigDocument document, YamlMappingNode mapping, IReadOnlyList<string> path, YamlValue value)
    {
        var text = document.Text;
        if (mapping.Style == MappingStyle.Flow)
        {
            var last = mapping.Children[^1];
            var nested = YamlValueReplacement.Inline(value, inFlow: true);
            for (var depth = path.Count - 1; depth > 0; depth--) nested = $"{{{path[depth]}: {nested}}}";
            return YamlTextLines.Replace(text, document.ContentEnd(last.Value), document.ContentEnd(last.Value), $", {path[0]}: {nested}");
        }

        var column = Column(text, document.Start(mapping));
        var lines = path.Select((key, depth) => Indent(column + depth * NestedIndent) + key + ":").ToArray();
        lines[^1] += " " + YamlValueReplacement.Inline(value, inFlow: false);
        var lineEnd = LineEnd(text, document.ContentEnd(mapping));
        return YamlTextLines.Replace(text, lineEnd, lineEnd, document.NewLine + string.Join(document.NewLine, lines));
    }
}
