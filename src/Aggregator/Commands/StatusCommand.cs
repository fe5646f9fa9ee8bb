using System.CommandLine;
using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Hosting;
using Aggregator.Status;
using Aggregator.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Commands;

/// <summary><c>status</c>: per-feed and per-subscriber health read from the store.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var command = new Command("status", "Show per-feed and per-subscriber health from the store.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ConfigFiles.Load(parse);
            if (loaded.Config is null) return ConfigReport.Write(loaded, Console.Error);

            await using var services = new ServiceCollection().AddStore(loaded.Config.Settings.Storage).BuildServiceProvider();
            var store = services.GetRequiredService<IStateStore>();
            StatusReport report;
            try
            {
                await store.MigrateAsync(cancellationToken);
                report = await StatusReport.ReadAsync(loaded.Config, store, TimeProvider.System.GetUtcNow(), cancellationToken);
            }
            catch (StateUnavailableException ex)
            {
                await Console.Error.WriteLineAsync($"error: {OneLine.Escape(ex.Message)}");
                return ExitCodes.StateUnavailable;
            }
            if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(report, CommandJson.Options));
            else StatusText.Write(report, Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
