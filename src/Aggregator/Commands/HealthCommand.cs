using System.CommandLine;
using Aggregator.Core.Rendering;
using Aggregator.Health;

namespace Aggregator.Commands;

/// <summary>
/// <c>health</c>: judges the running worker by its heartbeat file; 0 healthy, 1 not (for Docker's HEALTHCHECK).
/// <c>--live</c> asks only whether it is alive (a liveness probe must not restart a worker whose store is down);
/// <c>--ready</c>, the default, whether its store, scheduler and delivery work too.
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
        command.SetAction(parse =>
        {
            var path = Heartbeat.PathFromEnvironment();
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"unhealthy: no heartbeat at {path} (worker not running)");
                return ExitCodes.Unhealthy;
            }
            var beat = Heartbeat.FromJson(File.ReadAllText(path));
            if (beat is null)
            {
                Console.Error.WriteLine($"unhealthy: unreadable heartbeat at {path}");
                return ExitCodes.Unhealthy;
            }
            var now = TimeProvider.System.GetUtcNow();
            var problems = parse.GetValue(live) ? beat.LivenessProblems(now) : beat.Problems(now);
            foreach (var problem in problems) Console.Error.WriteLine("unhealthy: " + OneLine.Escape(problem));
            if (problems.Count > 0) return ExitCodes.Unhealthy;
            Console.Out.WriteLine($"healthy: worker {beat.ProcessId}, heartbeat at {beat.At:u}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
