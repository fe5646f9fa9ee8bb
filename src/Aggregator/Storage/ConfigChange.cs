namespace Aggregator.Storage;

/// <summary>
/// One change to a config file made through the operator console, as the <c>config_changes</c> table keeps it.
/// </summary>
/// <param name="Id">Assigned by the store; ignored by <see cref="IConsoleStore.RecordConfigChangeAsync"/>.</param>
/// <param name="Operator">The signed-in operator's name.</param>
/// <param name="File">The file's path relative to the config directory.</param>
/// <param name="Diff">A unified diff, bounded by <see cref="ConfigChangeDiff.Bounded"/> when stored.</param>
/// <param name="Message">What the reload said, such as its first error <c>path:line:col: ...</c>; null before it decided.</param>
/// <param name="SettledAt">When the outcome was set (<see cref="IConsoleStore.SetConfigChangeOutcomeAsync"/>); null while pending or as recorded.</param>
internal sealed record ConfigChange(
    long Id,
    DateTimeOffset At,
    string Operator,
    string File,
    string Diff,
    ConfigWriteMode Mode,
    ConfigChangeOutcome Outcome,
    string? Message = null,
    DateTimeOffset? SettledAt = null);

/// <summary>How the console applied a change.</summary>
internal enum ConfigWriteMode
{
    /// <summary>Written to the file on disk; the reload decides whether it is accepted.</summary>
    Direct,

    /// <summary>Offered as a patch download for the operator to apply elsewhere; never reloaded here.</summary>
    Patch,
}

/// <summary>Whether the reload accepted a change.</summary>
internal enum ConfigChangeOutcome
{
    /// <summary>Written, the reload not yet done.</summary>
    Pending,
    Accepted,
    Rejected,

    /// <summary>A patch handed to the operator: its fate is outside the worker.</summary>
    Offered,
}

/// <summary>Counts of the kept changes for <c>status</c>, and when the last was made.</summary>
internal sealed record ConfigChangeCounts(long Total, long Accepted, long Rejected, long Pending, long Offered, DateTimeOffset? LastAt)
{
    public static ConfigChangeCounts None { get; } = new(0, 0, 0, 0, 0, null);
}

internal static class ConfigChangeLog
{
    /// <summary>
    /// How long a change is kept. Each record deletes the changes older than this: changes are rare, so the table stays
    /// small without a timer of its own, and no retention is configured per table elsewhere to defer to (the outbox's
    /// is a constant too). Half a year covers the review of an incident and the season's config churn before it.
    /// </summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(180);
}
