namespace Aggregator.OperatorConsole;

/// <summary>
/// The import page: the OPML text being imported (carried from the preview to the save), what it would add, what it
/// leaves out and why, and the change to the feeds file.
/// </summary>
public sealed record ImportView(
    string? Text, string File, string BaseHash, string? Error, IReadOnlyList<ImportedFeedRow> NewFeeds, IReadOnlyList<DuplicateRow> Duplicates,
    IReadOnlyList<SkippedRow> Skipped, ChangeView? Change, string Mode, bool ReadOnlyDirectory);

public sealed record ImportedFeedRow(string Id, string Url, string Title, IReadOnlyList<string> Tags);

/// <summary>A subscription left out because its URL is already a feed (<see cref="InConfiguration"/>) or earlier in the file.</summary>
public sealed record DuplicateRow(string Url, string Title, string DuplicateOf, bool InConfiguration);

public sealed record SkippedRow(string Outline, string At, string Reason);
