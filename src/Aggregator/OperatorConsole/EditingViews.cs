namespace Aggregator.OperatorConsole;

// What the editing pages show; public for the same reason as ConsoleViews.

/// <summary>
/// The form for one feed, rule or subscriber. <see cref="BaseHash"/> names the version of <see cref="File"/> the form
/// was built from; a save against any other version is refused.
/// </summary>
public sealed record EntryEditView(
    string Section, string Noun, string? Id, bool IsNew, string File, IReadOnlyList<string> Files, string BaseHash,
    IReadOnlyList<FieldView> Fields, string Mode, bool ReadOnlyDirectory, ChangeView? Change, TryView? Preview, string? Error);

/// <summary>One field of an edit form; <see cref="Kind"/> is <c>text</c>, <c>list</c> or <c>flag</c>.</summary>
public sealed record FieldView(string Key, string Kind, string Value, string Hint);

/// <summary>
/// A change shown or made: <see cref="Outcome"/> is <c>preview</c>, <c>written</c>, <c>rejected</c> (written, but the reload
/// refused it), <c>offered</c> (a patch), <c>invalid</c>, <c>conflict</c> or <c>unchanged</c>.
/// </summary>
public sealed record ChangeView(
    string Outcome, string Message, IReadOnlyList<DiffLine> Diff, IReadOnlyList<string> Errors, long? ChangeId, string? Patch, bool CanSave);

/// <summary>A line of a unified diff; <see cref="Kind"/> is <c>file</c>, <c>hunk</c>, <c>added</c>, <c>removed</c> or <c>context</c>.</summary>
public sealed record DiffLine(string Kind, string Text)
{
    public static IReadOnlyList<DiffLine> Of(string patch) =>
        [.. patch.Split('\n').Where(l => l.Length > 0).Select(l => new DiffLine(l switch
        {
            _ when l.StartsWith("diff ", StringComparison.Ordinal) || l.StartsWith("--- ", StringComparison.Ordinal)
                || l.StartsWith("+++ ", StringComparison.Ordinal) || l.StartsWith("new file", StringComparison.Ordinal) => "file",
            _ when l.StartsWith("@@", StringComparison.Ordinal) => "hunk",
            _ when l[0] == '+' => "added",
            _ when l[0] == '-' => "removed",
            _ => "context",
        }, l.TrimEnd('\r')))];
}

/// <summary>The config directory as the console sees it, and the changes made through it, newest first.</summary>
public sealed record ConfigView(
    string Directory, string Mode, bool ReadOnlyDirectory, IReadOnlyList<ConfigFileRow> Files, IReadOnlyList<ConfigChangeRow> Changes, long? Before);

public sealed record ConfigFileRow(string Name, long Bytes, DateTimeOffset Modified, int Feeds, int Rules, int Subscribers);

/// <summary>One change made through the console: who, when, which file, how, and whether the reload accepted it.</summary>
public sealed record ConfigChangeRow(long Id, DateTimeOffset At, string Operator, string File, string Mode, string Outcome, string? Message, string Diff);
