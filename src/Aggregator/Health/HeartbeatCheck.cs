using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aggregator.Health;

/// <summary>Judges the worker by its <see cref="Heartbeat"/> file: whether it beats (liveness), or whether its work goes on (readiness).</summary>
internal sealed class HeartbeatCheck(string path, TimeProvider time, bool inWorker, HeartbeatCheck.Judging judging) : IHealthCheck
{
    internal enum Judging
    {
        Liveness,
        Work,
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var exists = File.Exists(path);
        var beat = exists ? Heartbeat.FromJson(File.ReadAllText(path)) : null;
        if (beat is null) return Task.FromResult(WithoutHeartbeat(exists));
        var data = new Dictionary<string, object> { ["processId"] = beat.ProcessId, ["heartbeatAt"] = beat.At };
        var problems = judging == Judging.Liveness ? beat.LivenessProblems(now) : beat.WorkProblems(now);
        return Task.FromResult(WorkerHealthChecks.Judge(problems, $"worker {beat.ProcessId}, heartbeat at {beat.At:u}", data));
    }

    private HealthCheckResult WithoutHeartbeat(bool exists)
    {
        if (inWorker)
        {
            // The worker answering this is alive; it has not beaten yet because it is starting.
            return judging == Judging.Liveness
                ? HealthCheckResult.Healthy("starting")
                : WorkerHealthChecks.Judge(["no heartbeat yet (the worker is starting)"], "starting");
        }
        // The liveness check names the missing worker; the readiness check has nothing to add to it.
        if (judging == Judging.Work) return WorkerHealthChecks.Judge([], "no heartbeat to judge");
        return WorkerHealthChecks.Judge([exists ? $"unreadable heartbeat at {path}" : $"no heartbeat at {path} (worker not running)"], "alive");
    }
}
