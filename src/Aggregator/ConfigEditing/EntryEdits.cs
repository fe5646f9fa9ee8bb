namespace Aggregator.ConfigEditing;

/// <summary>
/// What a console form asks of a file, as an edit of its text: only keys whose typed value differs from the value
/// written in the file are touched, so a form saved unchanged changes nothing, and a cleared field removes its key.
/// </summary>
internal static class EntryEdits
{
    /// <summary>The entry <paramref name="id"/> with the typed values (by key; a checkbox left unticked is absent).</summary>
    public static Func<string, string> Update(string file, ConfigSection section, string id, IReadOnlyDictionary<string, string> typed) => text =>
    {
        var written = ConfigEntries.Values(text, section, id)
            ?? throw new ConfigEditException($"{section.Noun()} '{id}' is not in {file}");
        foreach (var field in EntryField.Of(section))
        {
            var now = written.GetValueOrDefault(field.Key);
            var wanted = typed.GetValueOrDefault(field.Key)?.Trim() ?? string.Empty;
            if (field.Kind == EntryFieldKind.Flag)
            {
                var on = wanted.Length > 0;
                if (on == !string.Equals(now, "false", StringComparison.OrdinalIgnoreCase)) continue;
                // Ticked again: the key goes back to its default by going away.
                text = Apply(on ? new YamlFileEdit(file, text).RemoveKey(section.Key(), id, field.Key)
                    : new YamlFileEdit(file, text).SetValue(section.Key(), id, field.Key, YamlValue.Scalar("false")));
                continue;
            }
            if (Same(field, now, wanted)) continue;
            var edit = new YamlFileEdit(file, text);
            text = Apply(wanted.Length == 0
                ? edit.RemoveKey(section.Key(), id, field.Key)
                : edit.SetValue(section.Key(), id, field.Key, Value(field, wanted)));
        }
        return text;
    };

    /// <summary>A new entry at the end of the section, with the keys that were filled in.</summary>
    public static Func<string, string> Create(string file, ConfigSection section, string id, IReadOnlyDictionary<string, string> typed) => text =>
    {
        if (ConfigEntries.Values(text, section, id) is not null) throw new ConfigEditException($"{section.Noun()} '{id}' is already in {file}");
        List<YamlEntryKey> keys = [new("id", YamlValue.Scalar(id))];
        foreach (var field in EntryField.Of(section))
        {
            var wanted = typed.GetValueOrDefault(field.Key)?.Trim() ?? string.Empty;
            if (field.Kind == EntryFieldKind.Flag)
            {
                if (wanted.Length == 0) keys.Add(new(field.Key, YamlValue.Scalar("false")));
            }
            else if (wanted.Length > 0)
            {
                keys.Add(new(field.Key, Value(field, wanted)));
            }
        }
        return Apply(new YamlFileEdit(file, text).AppendEntry(section.Key(), keys));
    };

    public static Func<string, string> Delete(string file, ConfigSection section, string id) => text =>
        Apply(new YamlFileEdit(file, text).RemoveEntry(section.Key(), id));

    private static bool Same(EntryField field, string? now, string wanted) => field.Kind == EntryFieldKind.List
        ? EntryField.Items(now ?? string.Empty).SequenceEqual(EntryField.Items(wanted), StringComparer.Ordinal)
        : string.Equals(now ?? string.Empty, wanted, StringComparison.Ordinal);

    private static YamlValue Value(EntryField field, string wanted) =>
        field.Kind == EntryFieldKind.List ? YamlValue.List(EntryField.Items(wanted)) : YamlValue.Scalar(wanted);

    private static string Apply(YamlEditResult result) => result.Text ?? throw new ConfigEditException(result.Error!);
}
