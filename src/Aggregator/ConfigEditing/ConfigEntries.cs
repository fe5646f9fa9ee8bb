using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aggregator.ConfigEditing;

/// <summary>
/// The entries of a config file as written, before <c>${NAME}</c> references are substituted: what an edit form
/// shows, so that saving it unchanged writes nothing and a secret from the environment never reaches a page or a file.
/// </summary>
internal static class ConfigEntries
{
    /// <summary>The ids of <paramref name="section"/>'s entries in the file; none when it does not parse.</summary>
    public static IReadOnlyList<string> Ids(string text, ConfigSection section) =>
        [.. Entries(text, section).Select(e => Scalar(e, "id")).OfType<string>()];

    /// <summary>The entry's values by key, a list as its items joined by ", "; null when the file has no such entry.</summary>
    public static IReadOnlyDictionary<string, string>? Values(string text, ConfigSection section, string id)
    {
        var entry = Entries(text, section).FirstOrDefault(e => Scalar(e, "id") == id);
        if (entry is null) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entry.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) continue;
            values[name] = value switch
            {
                YamlScalarNode scalar => scalar.Value ?? string.Empty,
                YamlSequenceNode list => string.Join(", ", list.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
                _ => string.Empty,
            };
        }
        return values;
    }

    private static IEnumerable<YamlMappingNode> Entries(string text, ConfigSection section)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return [];
        }
        return stream.Documents is [{ RootNode: YamlMappingNode top }, ..]
            && top.Children.TryGetValue(new YamlScalarNode(section.Key()), out var node) && node is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>()
            : [];
    }

    private static string? Scalar(YamlMappingNode entry, string key) =>
        entry.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : null;
}
