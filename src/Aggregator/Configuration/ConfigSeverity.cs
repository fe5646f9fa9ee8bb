namespace Aggregator.Configuration;

internal enum ConfigSeverity
{
    /// <summary>The configuration cannot be used.</summary>
    Error,

    /// <summary>The configuration is used, but probably not as the operator meant.</summary>
    Warning,
}
