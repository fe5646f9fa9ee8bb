using Aggregator.ConfigEditing;
using Aggregator.Configuration;

namespace Aggregator.OperatorConsole;

/// <summary>How every console change reads on its page, whatever made it (a form, an OPML import): the diff, the loader's or the reload's verdict, the patch.</summary>
internal sealed class ConsoleChanges(ConfigEditor editor)
{
    /// <summary>Previews (<paramref name="save"/> false) or saves an edit of <paramref name="file"/>, as the page shows the outcome, with its HTTP status.</summary>
    public async Task<(ChangeView Change, int Status, ConfigFileVersion Version)> MakeAsync(
        string file, string baseHash, Func<string, string> edit, bool save, string operatorName, CancellationToken cancellationToken)
    {
        if (!save)
        {
            if (editor.Draft(file, baseHash, edit) is not { } draft) return Conflict(file, baseHash);
            var view = draft.Errors.Count > 0
                ? new ChangeView("invalid", "Nothing can be saved while the configuration has errors:", DiffLine.Of(draft.Patch), Problems(draft), null, null, false)
                : draft.Changed
                    ? new ChangeView("preview", $"The change to {file}; the configuration is valid with it.", DiffLine.Of(draft.Patch), [], null, null, true)
                    : new ChangeView("unchanged", "Nothing to change.", [], [], null, null, false);
            return (view, StatusOf(view), draft.Base);
        }
        var result = await editor.SaveAsync(file, baseHash, edit, operatorName, cancellationToken);
        if (result.Outcome == ConfigSaveOutcome.Conflict) return Conflict(file, baseHash);
        var draftDone = result.Draft!;
        var change = result.Outcome switch
        {
            ConfigSaveOutcome.Invalid => new ChangeView("invalid", $"Not saved: {file} is untouched. Fix these first:", DiffLine.Of(draftDone.Patch), Problems(draftDone), null, null, false),
            ConfigSaveOutcome.Unchanged => new ChangeView("unchanged", "Nothing to change.", [], [], null, null, false),
            ConfigSaveOutcome.Offered => new ChangeView("offered",
                editor.ReadOnly
                    ? $"The config directory is read-only, so {file} was not written: apply this patch where the files are kept (git apply)."
                    : $"configWrites is patch, so {file} was not written: apply this patch where the files are kept (git apply).",
                DiffLine.Of(draftDone.Patch), [], result.ChangeId, draftDone.Patch, false),
            _ when result.Reload?.Accepted == true => new ChangeView("written", $"Saved to {file}; the reload accepted it.", DiffLine.Of(draftDone.Patch), [], result.ChangeId, null, false),
            _ => new ChangeView("rejected", $"Written to {file}, but the reload refused the directory; the last good configuration stays in force:",
                DiffLine.Of(draftDone.Patch), ReloadProblems(result.Reload), result.ChangeId, null, false),
        };
        return (change, StatusOf(change), editor.Files.Read(file));
    }

    private (ChangeView, int, ConfigFileVersion) Conflict(string file, string baseHash)
    {
        var changed = editor.ChangedOnDisk(file, baseHash);
        var view = new ChangeView("conflict",
            $"{file} changed on disk since this page was loaded, so nothing was saved. Reload the page to edit the new version"
            + (changed is null ? "." : "; this is what changed:"),
            changed is null ? [] : DiffLine.Of(changed), [], null, null, false);
        return (view, 409, editor.Files.Read(file));
    }

    private static int StatusOf(ChangeView change) => change.Outcome switch
    {
        "conflict" => 409,
        "invalid" => 422,
        _ => 200,
    };

    private IReadOnlyList<string> Problems(ConfigChangeDraft draft) => [.. draft.Errors.Select(Relative)];

    private IReadOnlyList<string> ReloadProblems(ReloadReport? reload) =>
        reload is null ? [] : reload.Failure is { } failure ? [failure] : [.. reload.Diagnostics.Where(d => d.IsError).Select(Relative)];

    /// <summary>A problem named by its file in the config directory, as an operator reading the page knows it.</summary>
    private string Relative(ConfigDiagnostic d) =>
        (d with { Path = d.Path.StartsWith(editor.Files.Directory, StringComparison.Ordinal) ? Path.GetRelativePath(editor.Files.Directory, d.Path) : d.Path }).ToString();
}
