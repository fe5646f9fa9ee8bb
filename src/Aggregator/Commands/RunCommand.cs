using System.CommandLine;
using Aggregator.Configuration;
using Aggregator.Hosting;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Commands;

/// <summary>
/// <c>run</c>: the worker, until SIGINT/SIGTERM. Invalid config at start: every error printed, exit 2. SQLite state
/// already owned by another running worker: one line, exit 4.
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
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (StateInUseException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.StateInUse;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
