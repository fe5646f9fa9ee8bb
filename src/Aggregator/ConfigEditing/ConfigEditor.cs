using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Storage;

namespace Aggregator.ConfigEditing;

/// <summary>
/// Changes to the config files made from the console, on the same path as a hand edit: the edit is applied to the
/// file's text, the whole directory is validated by the loader with that text in place, and only a valid change is
/// written (atomically) or offered as a patch; the reload that follows is the watcher's own. A save names the
/// version of the file its page was built from, and is refused when the file has changed since: two operators, or an
/// operator and an editor, never overwrite each other. Every save is recorded in the store's audit of changes.
/// </summary>
internal sealed class ConfigEditor(ActiveConfig active, ConfigFiles files, ConfigReloadService reloads, IConsoleStore store, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _saving = new(1, 1);

    public ConfigFiles Files => files;

    /// <summary>How a save is applied now: <c>patch</c> whatever the setting when the directory is read-only.</summary>
    public ConfigWrites Mode => active.Current.Config.Settings.Console.ConfigWrites == ConfigWrites.Direct && files.Writable()
        ? ConfigWrites.Direct
        : ConfigWrites.Patch;

    /// <summary>True when <c>direct</c> is asked for but the directory cannot be written.</summary>
    public bool ReadOnly => active.Current.Config.Settings.Console.ConfigWrites == ConfigWrites.Direct && !files.Writable();

    /// <summary>The edit applied to the file as it is now, validated; null when the file is no longer the version <paramref name="expectedHash"/>.</summary>
    /// <exception cref="ConfigEditException">The edit cannot be made (no such entry, an unreadable file).</exception>
    public ConfigChangeDraft? Draft(string file, string expectedHash, Func<string, string> edit)
    {
        var current = files.Read(file);
        if (!string.Equals(current.Hash, expectedHash, StringComparison.Ordinal)) return null;
        var after = edit(current.Text);
        var loaded = new ConfigLoader().Load(files.Directory, new Dictionary<string, string>(StringComparer.Ordinal) { [current.FullPath] = after });
        return new ConfigChangeDraft(current, after, GitPatch.Create(new ConfigFileChange(current.Name, current.Exists ? current.Text : null, after)), loaded.Diagnostics);
    }

    /// <summary>What changed on disk since <paramref name="expectedHash"/>, when that version is still remembered.</summary>
    public string? ChangedOnDisk(string file, string expectedHash) =>
        files.Seen(expectedHash) is { } before ? GitPatch.Create(new ConfigFileChange(file, before, files.Read(file).Text)) : null;

    /// <summary>Validates and applies the edit as <see cref="Mode"/> says, and records it with <paramref name="operatorName"/>.</summary>
    /// <exception cref="ConfigEditException">The edit cannot be made, or the file cannot be written.</exception>
    public async Task<ConfigSaveResult> SaveAsync(string file, string expectedHash, Func<string, string> edit, string operatorName, CancellationToken cancellationToken)
    {
        await _saving.WaitAsync(cancellationToken);
        try
        {
            if (Draft(file, expectedHash, edit) is not { } draft)
                return new(ConfigSaveOutcome.Conflict, null, ChangedOnDisk: ChangedOnDisk(file, expectedHash));
            if (!draft.Changed) return new(ConfigSaveOutcome.Unchanged, draft);
            if (draft.Errors.Count > 0) return new(ConfigSaveOutcome.Invalid, draft);

            var mode = Mode;
            var change = new ConfigChange(0, time.GetUtcNow(), operatorName, file, draft.Patch,
                mode == ConfigWrites.Direct ? ConfigWriteMode.Direct : ConfigWriteMode.Patch,
                mode == ConfigWrites.Direct ? ConfigChangeOutcome.Pending : ConfigChangeOutcome.Offered, null);
            var id = await store.RecordConfigChangeAsync(change, cancellationToken);
            if (mode == ConfigWrites.Patch) return new(ConfigSaveOutcome.Offered, draft, id);

            files.Write(draft.Base, draft.After);
            var reload = reloads.ReloadNow();
            var accepted = reload?.Accepted == true;
            var message = reload is null ? null : reload.Failure ?? reload.Diagnostics.FirstOrDefault(d => d.IsError)?.ToString();
            await store.SetConfigChangeOutcomeAsync(id, accepted ? ConfigChangeOutcome.Accepted : ConfigChangeOutcome.Rejected, message, CancellationToken.None);
            return new(ConfigSaveOutcome.Written, draft, id, reload);
        }
        finally
        {
            _saving.Release();
        }
    }

    public void Dispose() => _saving.Dispose();
}
