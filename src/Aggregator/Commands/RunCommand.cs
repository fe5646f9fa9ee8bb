using System.CommandLine;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Hosting;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Commands;

/// <summary>
/// <c>run</c>: the worker, until SIGINT/SIGTERM. Invalid config at start: every error printed, exit 2. SQLite state
/// already owned by another running worker: one line, exit 4. A state database that cannot be used (corrupt,
/// unreadable): one line naming it, exit 5.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the worker until stopped (SIGINT/SIGTERM).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = ConfigFiles.Load(parse);
            var code = ConfigReport.Write(result, Console.Error);
            if (code != ConfigReport.Valid) return ExitCodes.InvalidConfig;

            using var host = WorkerHost.Build(result.Config!, []);
            try
            {
                await WorkerHost.OpenStateAsync(host, cancellationToken);
                await host.RunAsync(cancellationToken);
            }
            catch (StateInUseException ex)
            {
                await Console.Error.WriteLineAsync($"error: {OneLine.Escape(ex.Message)}");
                return ExitCodes.StateInUse;
            }
            catch (StateUnavailableException ex)
            {
                await Console.Error.WriteLineAsync($"error: {OneLine.Escape(ex.Message)}");
                return ExitCodes.StateUnavailable;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
