using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>The ids of one kind of entry (feeds, rules or subscribers), unique across every file.</summary>
internal sealed partial class IdRegistry(string kind)
{
    private static readonly YamlScalarNode IdKey = new("id");
    private readonly Dictionary<string, SourceLocation> _seen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => _seen.Keys;

    public bool Contains(string id) => _seen.ContainsKey(id);

    /// <summary>
    /// The entry's id, or null (reported) when it is missing or invalid. A duplicate is reported but still
    /// returned, so the entry's other problems are found too.
    /// </summary>
    public string? Read(YamlMappingNode entry, string where, ConfigNodeReader r)
    {
        if (!entry.Children.TryGetValue(IdKey, out var node))
        {
            r.Error(entry, $"{where} has no id");
            return null;
        }
        if (r.Text(node, Subject.Of("the id of ", where)) is not { } id) return null;
        if (!IsValid(id))
        {
            r.Error(node, $"invalid {kind} id {Excerpt.Quote(id)}: use lowercase letters, digits, '-' and '_', starting with a letter or digit");
            return null;
        }
        if (_seen.TryGetValue(id, out var first)) r.Error(node, $"duplicate {kind} id {Excerpt.Quote(id)}, first defined at {first}");
        else _seen[id] = r.At(node);
        return id;
    }

    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
