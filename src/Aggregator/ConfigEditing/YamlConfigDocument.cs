using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Aggregator.ConfigEditing;

/// <summary>
/// One config file's text with its parsed nodes, and the character positions of those nodes in that text.
/// A leading byte order mark is not part of the YAML, so it is parsed without it and positions are shifted by it.
/// </summary>
internal sealed class YamlConfigDocument
{
    private readonly int _offset;

    private YamlConfigDocument(string text, YamlMappingNode? root)
    {
        Text = text;
        Root = root;
        _offset = text.StartsWith('\uFEFF') ? 1 : 0;
    }

    public string Text { get; }

    /// <summary>The top-level mapping; null for a file with no document in it (empty, or comments only).</summary>
    public YamlMappingNode? Root { get; }

    public string NewLine => YamlTextLines.NewLine(Text);

    /// <returns>The document, or null with <paramref name="error"/> saying why the text cannot be edited.</returns>
    public static YamlConfigDocument? Parse(string fileName, string text, out string? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text));
        }
        catch (YamlException e)
        {
            error = $"{fileName} is not valid YAML (line {e.Start.Line}): {e.Message}";
            return null;
        }
        if (stream.Documents.Count == 0) return new(text, null);
        if (stream.Documents[0].RootNode is YamlMappingNode { Style: not MappingStyle.Flow } root) return new(text, root);
        error = $"{fileName} does not hold a block mapping of sections at its top level";
        return null;
    }

    public int Start(YamlNode node) => (int)node.Start.Index + _offset;

    public int End(YamlNode node) => (int)node.End.Index + _offset;

    /// <summary>Just after the last character that belongs to the node: no trailing breaks, blanks or comments.</summary>
    public int ContentEnd(YamlNode node) => node switch
    {
        YamlScalarNode => YamlTextLines.TrimmedEnd(Text, Start(node), End(node)),
        YamlSequenceNode { Style: SequenceStyle.Flow } sequence => FlowEnd(node, sequence.Children, ']'),
        YamlMappingNode { Style: MappingStyle.Flow } mapping => FlowEnd(node, mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }), '}'),
        YamlSequenceNode sequence => sequence.Children.Count == 0 ? Start(node) : ContentEnd(sequence.Children[^1]),
        YamlMappingNode mapping => mapping.Children.Count == 0
            ? Start(node)
            : Math.Max(ContentEnd(mapping.Children[^1].Key), ContentEnd(mapping.Children[^1].Value)),
        _ => End(node),
    };

    /// <summary>
    /// Just after the closing bracket. YamlDotNet gives a flow collection the end mark of its opening bracket,
    /// so the closing one is looked for after the last item, past commas, blanks and comments.
    /// </summary>
    private int FlowEnd(YamlNode node, IEnumerable<YamlNode> children, char closing)
    {
        var i = children.Select(ContentEnd).DefaultIfEmpty(Start(node) + 1).Max();
        while (i < Text.Length && Text[i] != closing) i = Text[i] == '#' ? YamlTextLines.LineEnd(Text, i) : i + 1;
        return Math.Min(i + 1, Text.Length);
    }

    /// <summary>Just after the colon that follows a mapping key.</summary>
    public int AfterColon(YamlNode key) => Text.IndexOf(':', ContentEnd(key)) + 1;

    public static int IndexOfKey(YamlMappingNode mapping, string key)
    {
        for (var i = 0; i < mapping.Children.Count; i++)
        {
            if (mapping.Children[i].Key is YamlScalarNode { Value: var name } && name == key) return i;
        }
        return -1;
    }

    public KeyValuePair<YamlNode, YamlNode>? Section(string name)
    {
        if (Root is null) return null;
        var i = IndexOfKey(Root, name);
        return i < 0 ? null : Root.Children[i];
    }

    /// <summary>The positions of the entries whose <c>id</c> is <paramref name="id"/>.</summary>
    public static IEnumerable<int> EntriesWithId(YamlSequenceNode sequence, string id) =>
        Enumerable.Range(0, sequence.Children.Count).Where(i =>
            sequence.Children[i] is YamlMappingNode entry
            && IndexOfKey(entry, "id") is var key && key >= 0
            && entry.Children[key].Value is YamlScalarNode { Value: var value } && value == id);

    /// <summary>The dash that opens an item of a block sequence.</summary>
    public int Dash(YamlNode item) => Text.LastIndexOf('-', Start(item) - 1);

    /// <summary>
    /// The indentation new entries get when a file has no block list of entries to copy it from: the
    /// file's other sections, when they have one, else two spaces for the dash and two more for the keys.
    /// </summary>
    public (int Dash, int Key) EntryIndentStyle()
    {
        foreach (var (key, value) in Root?.Children.AsEnumerable() ?? [])
        {
            if (value is YamlSequenceNode { Style: not SequenceStyle.Flow, Children: [YamlMappingNode { Style: not MappingStyle.Flow } first, ..] })
            {
                var dash = YamlTextLines.Column(Text, Dash(first));
                return (dash - YamlTextLines.Column(Text, Start(key)), YamlTextLines.Column(Text, Start(first)) - dash);
            }
        }
        return (2, 2);
    }
}
