namespace Aggregator.Configuration;

/// <summary>Collects every problem of a load, so the operator sees them all at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ConfigDiagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Error(SourceLocation at, string message) => _items.Add(ConfigDiagnostic.Error(at, message));

    public void Warning(SourceLocation at, string message) => _items.Add(ConfigDiagnostic.Warning(at, message));

    /// <summary>In file order, then by position; problems about a whole file or directory first.</summary>
    public IReadOnlyList<ConfigDiagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
}
