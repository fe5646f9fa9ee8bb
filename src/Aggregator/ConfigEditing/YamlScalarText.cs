using System.Buffers;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aggregator.ConfigEditing;

/// <summary>
/// Writes one string as YAML: plain when it reads back as the same string, double-quoted otherwise.
/// Inside a flow collection (<c>[a, b]</c>, <c>{k: v}</c>) commas and brackets end a plain value, so
/// such values are quoted there.
/// </summary>
internal static class YamlScalarText
{
    private static readonly SearchValues<char> FlowIndicators = SearchValues.Create(",[]{}:");

    public static string Render(string value, bool inFlow) =>
        IsSafePlain(value, inFlow) && ReadsBackAs(value, inFlow) ? value : DoubleQuoted(value);

    public static string FlowList(IReadOnlyList<string> items) =>
        "[" + string.Join(", ", items.Select(item => Render(item, inFlow: true))) + "]";

    private static bool IsSafePlain(string value, bool inFlow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        // The loader reads these plain words as "no value".
        if (value is "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase)) return false;
        if ("#&*!|>'\"%@`{}[],".Contains(value[0], StringComparison.Ordinal)) return false;
        if (value[0] is '-' or '?' or ':' && (value.Length == 1 || value[1] == ' ')) return false;
        if (value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)) return false;
        // A colon is plain in a flow list for YAML 1.2 but not for every reader: "tag:news" is quoted there, as operators write it.
        if (inFlow && value.AsSpan().IndexOfAny(FlowIndicators) >= 0) return false;
        return !value.Any(NeedsEscape);
    }

    /// <summary>The rules above are the known cases; the parser has the last word.</summary>
    private static bool ReadsBackAs(string value, bool inFlow)
    {
        var yaml = inFlow ? $"[{value}]" : $"k: {value}";
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var node = stream.Documents[0].RootNode switch
            {
                YamlSequenceNode { Children: [var only] } => only,
                YamlMappingNode { Children: [var pair] } => pair.Value,
                _ => null,
            };
            return node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && scalar.Value == value;
        }
        catch (YamlException)
        {
            return false;
        }
    }

    /// <summary>Control characters, and the ones YAML reads as line breaks or a byte order mark.</summary>
    private static bool NeedsEscape(char c) => c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF';

    private static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
