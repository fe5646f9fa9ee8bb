using System.CommandLine;
using Aggregator.Configuration;
using Aggregator.Hosting;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Commands;

/// <summary><c>run</c>: the worker, until SIGINT/SIGTERM. Invalid config at start: every error printed, exit 2.</summary>
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
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
