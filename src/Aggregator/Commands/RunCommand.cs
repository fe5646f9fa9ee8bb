using System.CommandLine;
using System.Runtime.InteropServices;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Hosting;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Commands;

/// <summary>
/// <c>run</c>: the worker, until SIGINT/SIGTERM; with <c>--once</c>, one pass over every feed and its deliveries
/// (<see cref="OncePass"/>). Invalid config at start: every error printed, exit 2. SQLite state
/// already owned by another running worker: one line, exit 4. A state database that cannot be used (corrupt,
/// unreadable): one line naming it, exit 5.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Poll every feed once, deliver what is due, and exit (for cron or a systemd timer)." };
        var command = new Command("run", "Run the worker until stopped (SIGINT/SIGTERM).") { once };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = ConfigFiles.Load(parse);
            var code = ConfigReport.Write(result, Console.Error);
            if (code != ConfigReport.Valid) return ExitCodes.InvalidConfig;
            var onePass = parse.GetValue(once);
            if (onePass && result.Config!.Settings.Scheduler.Clustered)
            {
                await Console.Error.WriteLineAsync("error: run --once polls every feed itself, so it cannot share a cluster's schedule (scheduler.clustered: true)");
                return ExitCodes.InvalidConfig;
            }

            using var host = WorkerHost.Build(result.Config!, []);
            try
            {
                await WorkerHost.OpenStateAsync(host, cancellationToken);
                if (onePass) await RunOnceAsync(host, cancellationToken);
                else await host.RunAsync(cancellationToken);
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

    /// <summary>Without the host, SIGINT and SIGTERM are this pass's to handle: polls in flight roll back, the rest waits for the next pass.</summary>
    private static async Task RunOnceAsync(IHost host, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            await ActivatorUtilities.CreateInstance<OncePass>(host.Services).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped before the pass was done; the rest is left for the next one.");
        }
    }
}
