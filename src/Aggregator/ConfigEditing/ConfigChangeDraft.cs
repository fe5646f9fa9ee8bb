using Aggregator.Configuration;

namespace Aggregator.ConfigEditing;

/// <summary>
/// An edit worked out but not written: the file as it is (<see cref="Base"/>), the text after the edit, the patch
/// between them, and what the loader says of the whole directory with the edited text in place of the file.
/// </summary>
internal sealed record ConfigChangeDraft(ConfigFileVersion Base, string After, string Patch, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool Changed => !string.Equals(Base.Text, After, StringComparison.Ordinal);

    public IReadOnlyList<ConfigDiagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];
}
