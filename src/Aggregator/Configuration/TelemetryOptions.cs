namespace Aggregator.Configuration;

internal sealed record TelemetryOptions
{
    /// <summary>OpenTelemetry OTLP endpoint for metrics; empty means off.</summary>
    public string OtlpEndpoint { get; init; } = string.Empty;

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Tag <c>aggregator.matches</c> with the rule id: one series per rule, so off unless asked for.</summary>
    public bool RuleMetrics { get; init; }
}

internal enum LogFormat
{
    Text,
    Json,
}
