namespace Aggregator.Configuration;

/// <summary>A new configuration passed validation and is now in force.</summary>
internal sealed class ConfigReloadedEventArgs(AggregatorConfig config, IReadOnlyList<ConfigDiagnostic> warnings) : EventArgs
{
    public AggregatorConfig Config { get; } = config;

    public IReadOnlyList<ConfigDiagnostic> Warnings { get; } = warnings;
}
