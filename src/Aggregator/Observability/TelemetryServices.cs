using Aggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Aggregator.Observability;

/// <summary>Exports the worker's metrics over OTLP/HTTP when <c>settings.telemetry.otlpEndpoint</c> is set.</summary>
internal static class TelemetryServices
{
    public const string ServiceName = "aggregator";

    /// <summary>The .NET runtime's own meter (GC, thread pool, exceptions), built in since .NET 9.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, TelemetryOptions telemetry)
    {
        if (telemetry.OtlpEndpoint.Length == 0) return services;
        var endpoint = MetricsEndpoint(telemetry.OtlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(AggregatorMetrics.MeterName, RuntimeMeterName)
                .AddOtlpExporter(o =>
                {
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.Endpoint = endpoint;
                }));
        return services;
    }

    /// <summary>
    /// The operator gives the collector's base address (<c>http://collector:4318</c>), as with
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; an endpoint set in code is used as is, so the signal path is added here.
    /// </summary>
    public static Uri MetricsEndpoint(string configured)
    {
        var trimmed = configured.TrimEnd('/');
        return new Uri(trimmed.EndsWith("/v1/metrics", StringComparison.Ordinal) ? trimmed : trimmed + "/v1/metrics");
    }
}
