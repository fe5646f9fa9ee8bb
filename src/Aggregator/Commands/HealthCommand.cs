using System.CommandLine;
using Aggregator.Core.Rendering;
using Aggregator.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aggregator.Commands;

/// <summary>
/// <c>health</c>: judges the running worker by its heartbeat file; 0 healthy, 1 not (for Docker's HEALTHCHECK).
/// <c>--live</c> asks only whether it is alive (a liveness probe must not restart a worker whose store is down);
/// <c>--ready</c>, the default, whether its store, scheduler and delivery work too. Both run the health checks the
/// console's <c>/healthz</c> and <c>/readyz</c> run (<see cref="WorkerHealthChecks"/>), from outside the worker.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Liveness only: the worker runs and is not hung." };
        var ready = new Option<bool>("--ready") { Description = "Readiness (the default): alive, and its store, scheduler and delivery work." };
        var command = new Command("health", "Exit 0 when the running worker is alive and working, 1 otherwise.") { live, ready };
        command.Validators.Add(result =>
        {
            if (result.GetValue(live) && result.GetValue(ready)) result.AddError("--live and --ready cannot be combined");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
            services.AddHealthChecks().AddHeartbeatChecks(Heartbeat.PathFromEnvironment(), inWorker: false);
            await using var provider = services.BuildServiceProvider();
            var report = await provider.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(WorkerHealthChecks.Tagged(parse.GetValue(live) ? WorkerHealthChecks.Live : WorkerHealthChecks.Ready), cancellationToken);
            var problems = WorkerHealthChecks.Problems(report);
            foreach (var problem in problems) await Console.Error.WriteLineAsync("unhealthy: " + OneLine.Escape(problem));
            if (problems.Count > 0) return ExitCodes.Unhealthy;
            await Console.Out.WriteLineAsync("healthy: " + report.Entries["heartbeat"].Description);
            return ExitCodes.Ok;
        });
        return command;
    }
}
