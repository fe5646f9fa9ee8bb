using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Aggregator.ConfigEditing.YamlTextLines;

namespace Aggregator.ConfigEditing;

/// <summary>Rewrites the characters of one existing value, keeping a list in the style it was written in.</summary>
internal static class YamlValueReplacement
{
    /// <param name="inFlow">Whether the value sits inside a flow mapping (<c>{k: v}</c>).</param>
    /// <param name="what">How an error names the value.</param>
    public static YamlEditResult Replace(YamlConfigDocument document, YamlNode key, YamlNode current, YamlValue value, bool inFlow, string what)
    {
        var text = document.Text;
        var start = document.Start(current);
        var end = document.ContentEnd(current);
        // An alias's node is the anchored one, written elsewhere; an anchored value is shared. Either edit would reach other keys.
        if (start < document.ContentEnd(key) || !current.Anchor.IsEmpty)
            return YamlEditResult.Refused($"{what} is shared through a YAML anchor; edit it by hand");
        switch (current, value)
        {
            case (YamlMappingNode, _):
                return YamlEditResult.Refused($"{what} is a mapping; set its keys one by one");
            case (YamlScalarNode, _) when start == end:
                // An empty value sits right after the colon: the new one needs a space before it.
                return YamlEditResult.Edited(YamlTextLines.Replace(text, start, end, " " + Inline(value, inFlow)));
            case (YamlScalarNode, _) or (YamlSequenceNode { Style: SequenceStyle.Flow }, _):
                return YamlEditResult.Edited(YamlTextLines.Replace(text, start, end, Inline(value, inFlow)));
            case (YamlSequenceNode sequence, YamlList { Items.Count: > 0 } list):
                return sequence.Children.Any(item => item is not YamlScalarNode)
                    ? YamlEditResult.Refused($"{what} is not a list of values")
                    : YamlEditResult.Edited(YamlTextLines.Replace(text, start, end, BlockItems(list.Items, Column(text, start), document.NewLine)));
            default:
                // A block list becomes a value on the key's line: a block list cannot be empty or hold one plain value.
                return YamlEditResult.Edited(YamlTextLines.Replace(text, document.AfterColon(key), end, " " + Inline(value, inFlow)));
        }
    }

    public static string Inline(YamlValue value, bool inFlow) => value switch
    {
        YamlScalar scalar => YamlScalarText.Render(scalar.Text, inFlow),
        YamlList list => YamlScalarText.FlowList(list.Items),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>The items as <c>- item</c> lines at the dash column, the first one's dash already in place.</summary>
    private static string BlockItems(IReadOnlyList<string> items, int dashColumn, string newLine) =>
        string.Join(newLine + Indent(dashColumn), items.Select(item => "- " + YamlScalarText.Render(item, inFlow: false)));
}
