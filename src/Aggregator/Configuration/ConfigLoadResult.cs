namespace Aggregator.Configuration;

/// <summary>
/// The outcome of loading a config directory: every problem found, and the configuration only when
/// none of them is an error (a configuration is never half-applied).
/// </summary>
internal sealed record ConfigLoadResult(AggregatorConfig? Config, IReadOnlyList<ConfigDiagnostic> Diagnostics)
{
    public bool IsValid => Config is not null;

    public IEnumerable<ConfigDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<ConfigDiagnostic> Warnings => Diagnostics.Where(d => !d.IsError);
}
