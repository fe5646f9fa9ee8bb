namespace Aggregator.Configuration;

internal sealed record TelemetryOptions
{
    /// <summary>OpenTelemetry OTLP endpoint for metrics; empty means off.</summary>
    public string OtlpEndpoint { get; init; } = string.Empty;

    public LogFormat LogFormat { get; init; } = LogFormat.Text;
}

internal enum LogFormat
{
    Text,
    Json,
}
