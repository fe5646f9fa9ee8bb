using System.Diagnostics;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using static Aggregator.ConfigEditing.YamlTextLines;

namespace Aggregator.ConfigEditing;

/// <summary>
/// Edits one config file's text the way an operator would by hand: only the characters of the changed value
/// are rewritten, and new keys and entries are added as lines in the file's own indentation. Comments, key
/// order, quoting, blank lines, <c>${NAME}</c> references, the byte order mark, line endings and the final
/// line break everywhere else are kept as they are. Whole files are never re-emitted: the YAML library's
/// writer drops comments and re-flows the text.
/// </summary>
/// <param name="fileName">How errors name the file, e.g. <c>rules.yaml</c>.</param>
/// <param name="text">The file as read with a UTF-8 reader, a leading byte order mark included if there is one.</param>
internal sealed class YamlFileEdit(string fileName, string text)
{
    /// <summary>The sections that are lists of entries with ids.</summary>
    public static readonly IReadOnlyList<string> EntrySections = ["feeds", "rules", "subscribers"];

    public string FileName { get; } = fileName;

    public string Text { get; } = text;

    /// <summary>
    /// Sets <paramref name="key"/> of the entry <paramref name="id"/> in <paramref name="section"/>
    /// (<c>feeds</c>, <c>rules</c> or <c>subscribers</c>). A dotted key (<c>webhook.url</c>) reaches into a
    /// nested mapping. A missing key is added after the entry's last key.
    /// </summary>
    public YamlEditResult SetValue(string section, string id, string key, YamlValue value)
    {
        var path = key.Split('.');
        if (!path.All(IsConfigKey)) return YamlEditResult.Refused($"'{key}' is not a config key");
        if (Find(section, id, out var error) is not var (document, entry)) return YamlEditResult.Refused(error!);
        var mapping = entry;
        for (var depth = 0; depth < path.Length; depth++)
        {
            var index = YamlConfigDocument.IndexOfKey(mapping, path[depth]);
            if (index < 0) return YamlEditResult.Edited(YamlKeyInsertion.Insert(document, mapping, path[depth..], value));
            var (name, current) = mapping.Children[index];
            if (depth == path.Length - 1) return YamlValueReplacement.Replace(document, name, current, value, mapping.Style == MappingStyle.Flow, Describe(section, id, key));
            if (current is not YamlMappingNode nested) return YamlEditResult.Refused($"{string.Join('.', path[..(depth + 1)])} of {Describe(section, id)} is not a mapping");
            mapping = nested;
        }
        throw new UnreachableException("the last key of the path returns above");
    }

    /// <summary>Removes <paramref name="key"/> (possibly dotted) of an entry with its whole line(s).</summary>
    public YamlEditResult RemoveKey(string section, string id, string key)
    {
        if (key == "id") return YamlEditResult.Refused($"the id of {Describe(section, id)} cannot be removed; remove the whole entry instead");
        if (Find(section, id, out var error) is not var (document, entry)) return YamlEditResult.Refused(error!);
        var path = key.Split('.');
        var mapping = entry;
        for (var depth = 0; depth < path.Length - 1; depth++)
        {
            var index = YamlConfigDocument.IndexOfKey(mapping, path[depth]);
            if (index < 0 || mapping.Children[index].Value is not YamlMappingNode nested) return YamlEditResult.Refused($"{Describe(section, id)} has no key {key}");
            mapping = nested;
        }
        var last = YamlConfigDocument.IndexOfKey(mapping, path[^1]);
        if (last < 0) return YamlEditResult.Refused($"{Describe(section, id)} has no key {key}");
        return YamlEditResult.Edited(YamlItemRemoval.RemovePair(document, mapping, last));
    }

    /// <summary>
    /// Adds an entry at the end of <paramref name="section"/>, with its keys in the given order; the first key is its id.
    /// A section the file does not have yet is added at the end of the file.
    /// </summary>
    public YamlEditResult AppendEntry(string section, IReadOnlyList<YamlEntryKey> keys)
    {
        if (!EntrySections.Contains(section)) return YamlEditResult.Refused(NotASection(section));
        if (keys is not [{ Key: "id", Value: YamlScalar { Text: var id } }, ..]) return YamlEditResult.Refused("a new entry starts with its id");
        if (keys.FirstOrDefault(k => !IsConfigKey(k.Key)) is { } odd) return YamlEditResult.Refused($"'{odd.Key}' is not a config key");
        if (keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice) return YamlEditResult.Refused($"the new entry has key {twice.Key} twice");
        if (YamlConfigDocument.Parse(FileName, Text, out var error) is not { } document) return YamlEditResult.Refused(error!);
        var existing = document.Section(section);
        if (existing is { Value: YamlSequenceNode sequence } && YamlConfigDocument.EntriesWithId(sequence, id).Any())
            return YamlEditResult.Refused($"{Describe(section, id)} is already in {FileName}");
        if (existing is { Value: not (YamlSequenceNode or YamlScalarNode { Value: "" or "~" or "null" }) })
            return YamlEditResult.Refused($"{section} in {FileName} is not a list");
        return YamlEditResult.Edited(YamlEntryAppend.Append(document, section, keys));
    }

    /// <summary>Removes an entry's lines, and the comment lines directly above it at its indentation.</summary>
    public YamlEditResult RemoveEntry(string section, string id)
    {
        if (!EntrySections.Contains(section)) return YamlEditResult.Refused(NotASection(section));
        if (YamlConfigDocument.Parse(FileName, Text, out var error) is not { } document) return YamlEditResult.Refused(error!);
        if (document.Section(section) is not { Value: YamlSequenceNode sequence } found || YamlConfigDocument.EntriesWithId(sequence, id).FirstOrDefault(-1) is var index && index < 0)
            return YamlEditResult.Refused(NotFound(section, id));
        return YamlEditResult.Edited(YamlItemRemoval.RemoveEntry(document, found.Key, sequence, index));
    }

    private (YamlConfigDocument Document, YamlMappingNode Entry)? Find(string section, string id, out string? error)
    {
        if (!EntrySections.Contains(section))
        {
            error = NotASection(section);
            return null;
        }
        if (YamlConfigDocument.Parse(FileName, Text, out error) is not { } document) return null;
        if (document.Section(section) is { Value: YamlSequenceNode sequence })
        {
            var matches = YamlConfigDocument.EntriesWithId(sequence, id).ToList();
            if (matches.Count == 1) return (document, (YamlMappingNode)sequence.Children[matches[0]]);
            if (matches.Count > 1)
            {
                error = $"{Describe(section, id)} appears {matches.Count} times in {FileName}";
                return null;
            }
        }
        error = NotFound(section, id);
        return null;
    }

    /// <summary>Config keys are camelCase words; anything else would be written into the file as YAML syntax.</summary>
    private static bool IsConfigKey(string key) => key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(char.IsAsciiLetterOrDigit);

    private static string NotASection(string section) => $"'{section}' is not a section of entries (feeds, rules or subscribers)";

    private string NotFound(string section, string id) => $"{Describe(section, id)} is not in {FileName}";

    /// <summary>"rule 'x'", as the loader's diagnostics name entries.</summary>
    private static string Describe(string section, string id) => $"{section.TrimEnd('s')} '{id}'";

    private static string Describe(string section, string id, string key) => $"{key} of {Describe(section, id)}";
}
