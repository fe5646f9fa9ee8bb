using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aggregator.Health;

/// <summary>
/// The worker's health as <c>Microsoft.Extensions.Diagnostics.HealthChecks</c> checks tagged <see cref="Live"/> or
/// <see cref="Ready"/>: <c>health --live</c> and <c>/healthz</c> run the live ones, <c>health --ready</c> and
/// <c>/readyz</c> the ready ones (which include the live ones). An unhealthy result lists its problems, one line each,
/// under <see cref="ProblemsKey"/>.
/// </summary>
internal static class WorkerHealthChecks
{
    public const string Live = "live";
    public const string Ready = "ready";
    public const string ProblemsKey = "problems";

    /// <param name="inWorker">
    /// True in the worker's own console: no heartbeat yet means it is starting (alive, not ready). From outside
    /// (<c>health</c>), no heartbeat means no worker.
    /// </param>
    public static IHealthChecksBuilder AddHeartbeatChecks(this IHealthChecksBuilder builder, string heartbeatPath, bool inWorker) => builder
        .Add(new HealthCheckRegistration("heartbeat",
            sp => new HeartbeatCheck(heartbeatPath, sp.GetRequiredService<TimeProvider>(), inWorker, HeartbeatCheck.Judging.Liveness), null, [Live, Ready]))
        .Add(new HealthCheckRegistration("work",
            sp => new HeartbeatCheck(heartbeatPath, sp.GetRequiredService<TimeProvider>(), inWorker, HeartbeatCheck.Judging.Work), null, [Ready]));

    public static Func<HealthCheckRegistration, bool> Tagged(string tag) => registration => registration.Tags.Contains(tag);

    public static HealthCheckResult Judge(IReadOnlyList<string> problems, string healthy, IReadOnlyDictionary<string, object>? data = null) =>
        problems.Count == 0
            ? HealthCheckResult.Healthy(healthy, data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: new Dictionary<string, object>(data ?? new Dictionary<string, object>()) { [ProblemsKey] = problems });

    /// <summary>Every problem of the report, one line each, in the order the checks were registered.</summary>
    public static IReadOnlyList<string> Problems(HealthReport report) =>
        [.. report.Entries.Values.Where(e => e.Status == HealthStatus.Unhealthy).SelectMany(e =>
            e.Data.TryGetValue(ProblemsKey, out var listed) && listed is IReadOnlyList<string> problems
                ? problems
                : [e.Description ?? e.Exception?.Message ?? "unhealthy"])];
}
