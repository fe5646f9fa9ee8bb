using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Core.Opml;

namespace Aggregator.OperatorConsole;

/// <summary>OPML in (a preview, then the same save path as any console edit) and out (<c>/feeds.opml</c>).</summary>
internal sealed class ImportData(ActiveConfig config, ConfigEditor editor, ConsoleChanges changes, TimeProvider time)
{
    /// <summary>The empty form, aimed at the file that already holds feeds.</summary>
    public ImportView Form()
    {
        var version = editor.Files.Read(FeedsFile());
        return new(null, version.Name, version.Hash, null, [], [], [], null, Mode, editor.ReadOnly);
    }

    /// <summary>Previews or saves the import of <paramref name="text"/> into <paramref name="file"/>.</summary>
    public async Task<(ImportView View, int Status)> SubmitAsync(
        string text, string file, string baseFile, string baseHash, bool save, string operatorName, CancellationToken cancellationToken)
    {
        var read = OpmlReader.Default.Read(text);
        if (read.Document is not { } document) return (Empty(text, baseFile, baseHash) with { Error = read.Error }, 422);
        var existing = config.Current.Config.Feeds.Select(f => new ExistingFeed(f.Id, f.Url));
        var plan = OpmlImportPlan.Create(document, existing);
        try
        {
            if (!string.Equals(file, baseFile, StringComparison.Ordinal)) baseHash = editor.Files.Read(file).Hash;
            var view = new ImportView(text, file, baseHash, null,
                [.. plan.NewFeeds.Select(f => new ImportedFeedRow(f.Id, f.Url, f.Title, f.Tags))],
                [.. plan.Duplicates.Select(d => new DuplicateRow(d.Url, d.Title, d.DuplicateOfId, d.InConfiguration))],
                [.. plan.Skipped.Select(s => new SkippedRow(s.Outline, s.At, s.Reason))], null, Mode, editor.ReadOnly);
            if (plan.NewFeeds.Count == 0) return (view, 200);
            var edit = OpmlImport.Edit(file, plan);
            var (change, status, version) = await changes.MakeAsync(file, baseHash, edit, save, operatorName, cancellationToken);
            return (view with { Change = change, BaseHash = version.Hash }, status);
        }
        catch (ConfigEditException e)
        {
            return (Empty(text, baseFile, baseHash) with { Error = e.Message }, 422);
        }
    }

    /// <summary>Every http(s) feed as OPML 2.0, with its tags as folders; feeds read from local files are left out.</summary>
    public string Export() => OpmlWriter.Write("Aggregator feeds",
        config.Current.Config.Feeds.Where(f => f.Location.Scheme is "http" or "https").Select(f => new OpmlFeed(f.Id, f.Location.AbsoluteUri, f.Tags)),
        time.GetUtcNow());

    private ImportView Empty(string text, string file, string baseHash) => new(text, file, baseHash, null, [], [], [], null, Mode, editor.ReadOnly);

    private string Mode => editor.Mode.ToString().ToLowerInvariant();

    private string FeedsFile() =>
        editor.Files.Names().FirstOrDefault(n => ConfigEntries.Ids(editor.Files.Read(n).Text, ConfigSection.Feeds).Count > 0) ?? "feeds.yaml";
}
