using System.CommandLine;
using Aggregator.Core.Rendering;
using Aggregator.Health;

namespace Aggregator.Commands;

/// <summary><c>health</c>: judges the running worker by its heartbeat file; 0 healthy, 1 not (for Docker's HEALTHCHECK).</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var command = new Command("health", "Exit 0 when the running worker is alive and working, 1 otherwise.");
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
            var problems = beat.Problems(TimeProvider.System.GetUtcNow());
            foreach (var problem in problems) Console.Error.WriteLine("unhealthy: " + OneLine.Escape(problem));
            if (problems.Count > 0) return ExitCodes.Unhealthy;
            Console.Out.WriteLine($"healthy: worker {beat.ProcessId}, heartbeat at {beat.At:u}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
