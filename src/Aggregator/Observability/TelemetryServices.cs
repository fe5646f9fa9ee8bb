using System.Runtime.CompilerServices;
using Aggregator.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Aggregator.Observability;

/// <summary>
/// Exports metrics, traces and logs over OTLP when <c>settings.telemetry.otlpEndpoint</c> is set (OTLP/HTTP to that
/// address), or else when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is: then every standard <c>OTEL_*</c> variable applies
/// (protocol, headers, timeouts, batch and export intervals, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>).
/// </summary>
internal static class TelemetryServices
{
    public const string ServiceName = "aggregator";

    /// <summary>The .NET runtime's own meter (GC, thread pool, exceptions), built in since .NET 9.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>Quartz 4's activity source: a span per job run, the poll's parent.</summary>
    public const string QuartzSourceName = "Quartz";

    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, TelemetryOptions telemetry) =>
        services.AddTelemetryExport(telemetry, Environment.GetEnvironmentVariable);

    public static IServiceCollection AddTelemetryExport(this IServiceCollection services, TelemetryOptions telemetry, Func<string, string?> environment)
    {
        var configured = telemetry.OtlpEndpoint.Length > 0;
        return configured || !string.IsNullOrEmpty(environment("OTEL_EXPORTER_OTLP_ENDPOINT"))
            ? services.AddOtlpExport(telemetry, configured, environment)
            : services;
    }

    /// <summary>A method of its own so that a worker without an OTLP endpoint never loads OpenTelemetry.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddOtlpExport(this IServiceCollection services, TelemetryOptions telemetry, bool configured, Func<string, string?> environment)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r =>
            {
                // OTEL_SERVICE_NAME, when set, names the service: a name given here would override it.
                if (string.IsNullOrEmpty(environment("OTEL_SERVICE_NAME")))
                    r.AddService(ServiceName, serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString());
            })
            .WithMetrics(metrics => metrics.AddMeter(AggregatorMetrics.MeterName, RuntimeMeterName))
            .WithTracing(tracing => tracing
                .AddSource(AggregatorActivities.SourceName, QuartzSourceName)
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithLogging();
        if (configured) otel.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, BaseEndpoint(telemetry.OtlpEndpoint));
        else otel.UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// The operator gives the collector's base address (<c>http://collector:4318</c>), as with
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; each signal's path (<c>/v1/metrics</c>, <c>/v1/traces</c>, <c>/v1/logs</c>)
    /// is added. An address that already ends in <c>/v1/metrics</c> (the metrics-only setting of old) is taken as its base.
    /// </summary>
    public static Uri BaseEndpoint(string configured)
    {
        var trimmed = configured.TrimEnd('/');
        return new Uri(trimmed.EndsWith("/v1/metrics", StringComparison.Ordinal) ? trimmed[..^"/v1/metrics".Length] : trimmed);
    }
}
