using Aggregator.Configuration;

namespace Aggregator.ConfigEditing;

/// <summary>How a save ended.</summary>
internal enum ConfigSaveOutcome
{
    /// <summary>Written to the file; <see cref="ConfigSaveResult.Reload"/> says whether the reload accepted it.</summary>
    Written,

    /// <summary>Not written (<c>configWrites: patch</c> or a read-only directory): the patch is for the operator to apply.</summary>
    Offered,

    /// <summary>The loader found errors: nothing was written.</summary>
    Invalid,

    /// <summary>The file changed on disk since the page was loaded: nothing was written.</summary>
    Conflict,

    /// <summary>The edit changes nothing.</summary>
    Unchanged,
}

/// <param name="ChangedOnDisk">For a conflict, what changed on disk since the page was loaded, when that version is still known.</param>
internal sealed record ConfigSaveResult(
    ConfigSaveOutcome Outcome, ConfigChangeDraft? Draft, long? ChangeId = null, ReloadReport? Reload = null, string? ChangedOnDisk = null);
