using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>What the editing pages show and do, on top of <see cref="ConfigEditor"/>; pages and <c>/api/</c> share it.</summary>
internal sealed class EditingData(ConfigEditor editor, ConsoleChanges changes, IConsoleStore store, ConsoleData data)
{
    public const int ChangesPerPage = 50;

    /// <summary>The file that holds the entry, or null when no config file does.</summary>
    public string? FileOf(ConfigSection section, string id) =>
        editor.Files.Names().FirstOrDefault(name => ConfigEntries.Ids(editor.Files.Read(name).Text, section).Contains(id, StringComparer.Ordinal));

    /// <summary>The form for an entry as its file holds it now; null when no file holds it.</summary>
    public EntryEditView? Edit(ConfigSection section, string id)
    {
        if (FileOf(section, id) is not { } file) return null;
        var version = editor.Files.Read(file);
        var written = ConfigEntries.Values(version.Text, section, id) ?? new Dictionary<string, string>();
        return View(section, id, false, version, Fields(section, written), null, null, null);
    }

    /// <summary>An empty form for a new entry, in the file that already holds entries of its kind, or a new one named after them.</summary>
    public EntryEditView New(ConfigSection section)
    {
        var names = editor.Files.Names();
        var file = names.FirstOrDefault(n => ConfigEntries.Ids(editor.Files.Read(n).Text, section).Count > 0) ?? $"{section.Key()}.yaml";
        var version = editor.Files.Read(file);
        return View(section, null, true, version, Fields(section, new Dictionary<string, string>()), null, null, null);
    }

    /// <summary>
    /// Previews or saves an edit of an entry, or a new one (<paramref name="id"/> not in <paramref name="file"/> yet), as typed;
    /// <paramref name="baseHash"/> is the version of <paramref name="baseFile"/> the form was built on.
    /// </summary>
    public async Task<(EntryEditView View, int Status)> SubmitAsync(
        ConfigSection section, string id, bool isNew, string file, string baseFile, string baseHash, IReadOnlyDictionary<string, string> typed, bool save, string operatorName,
        CancellationToken cancellationToken)
    {
        var fields = Fields(section, typed, fromForm: true);
        var edit = isNew ? EntryEdits.Create(file, section, id, typed) : EntryEdits.Update(file, section, id, typed);
        var preview = section == ConfigSection.Rules && typed.GetValueOrDefault("query") is { Length: > 0 } query
            ? await data.TryAsync(query, isNew ? null : id, false, cancellationToken)
            : null;
        try
        {
            // A new entry may go to another file than the one the form was built on: the form never showed that file,
            // so the version to append to is the one there now.
            if (isNew && !string.Equals(file, baseFile, StringComparison.Ordinal)) baseHash = editor.Files.Read(file).Hash;
            var (change, status, version) = await changes.MakeAsync(file, baseHash, edit, save, operatorName, cancellationToken);
            // Once written, a new entry is edited like any other.
            return (View(section, id, isNew && change.Outcome != "written", version, fields, change, preview, null), status);
        }
        catch (ConfigEditException e)
        {
            var shown = ConfigFiles.IsConfigName(file) ? file : ConfigFiles.IsConfigName(baseFile) ? baseFile : $"{section.Key()}.yaml";
            return (View(section, id, isNew, editor.Files.Read(shown), fields, null, preview, e.Message), 422);
        }
    }

    /// <summary>Previews or saves the removal of an entry.</summary>
    public async Task<(ChangeView? Change, string File, string BaseHash, string? Error, int Status)> DeleteAsync(
        ConfigSection section, string id, string file, string baseHash, bool save, string operatorName, CancellationToken cancellationToken)
    {
        try
        {
            var (change, status, version) = await changes.MakeAsync(file, baseHash, EntryEdits.Delete(file, section, id), save, operatorName, cancellationToken);
            return (change, file, version.Hash, null, status);
        }
        catch (ConfigEditException e)
        {
            return (null, file, baseHash, e.Message, 422);
        }
    }

    public async Task<ConfigView> ConfigAsync(long? before, CancellationToken cancellationToken)
    {
        var files = editor.Files;
        var rows = files.Names().Select(name =>
        {
            var version = files.Read(name);
            var info = new FileInfo(version.FullPath);
            return new ConfigFileRow(name, info.Length, info.LastWriteTimeUtc,
                ConfigEntries.Ids(version.Text, ConfigSection.Feeds).Count, ConfigEntries.Ids(version.Text, ConfigSection.Rules).Count,
                ConfigEntries.Ids(version.Text, ConfigSection.Subscribers).Count);
        }).ToList();
        var recorded = await store.ListConfigChangesAsync(before, ChangesPerPage, cancellationToken);
        return new ConfigView(files.Directory, ModeName(editor.Mode), editor.ReadOnly, rows, [.. recorded.Select(Row)], before);
    }

    public async Task<ConfigChangeRow?> ChangeAsync(long id, CancellationToken cancellationToken) =>
        (await store.ListConfigChangesAsync(id + 1, 1, cancellationToken)) is [{ } change] && change.Id == id ? Row(change) : null;

    private EntryEditView View(
        ConfigSection section, string? id, bool isNew, ConfigFileVersion version, IReadOnlyList<FieldView> fields, ChangeView? change, TryView? preview, string? error) =>
        new(section.Key(), section.Noun(), id, isNew, version.Name, editor.Files.Names(), version.Hash, fields, ModeName(editor.Mode), editor.ReadOnly, change, preview, error);

    private static IReadOnlyList<FieldView> Fields(ConfigSection section, IReadOnlyDictionary<string, string> values, bool fromForm = false) =>
        [.. EntryField.Of(section).Select(f => new FieldView(f.Key, f.Kind.ToString().ToLowerInvariant(),
            f.Kind == EntryFieldKind.Flag
                ? (fromForm ? values.ContainsKey(f.Key) : !string.Equals(values.GetValueOrDefault(f.Key), "false", StringComparison.OrdinalIgnoreCase)) ? "true" : string.Empty
                : values.GetValueOrDefault(f.Key) ?? string.Empty,
            f.Hint))];

    private static string ModeName(ConfigWrites mode) => mode.ToString().ToLowerInvariant();

    private static ConfigChangeRow Row(ConfigChange c) =>
        new(c.Id, c.At, c.Operator, c.File, c.Mode.ToString().ToLowerInvariant(), c.Outcome.ToString().ToLowerInvariant(), c.Message, c.Diff);
}
