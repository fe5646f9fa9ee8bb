using System.CommandLine;
using Aggregator.Configuration;

namespace Aggregator.Commands;

/// <summary><c>check-config</c>: every problem of the config directory at once, one line each.</summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var command = new Command("check-config", "Validate every config file; one line per problem as path:line:col.");
        command.SetAction(parse =>
        {
            var result = ConfigFiles.Load(parse);
            var code = ConfigReport.Write(result, Console.Out);
            if (code == ConfigReport.Valid && result.Config is { } config)
                Console.Out.WriteLine($"config is valid: {config.Feeds.Count} feeds, {config.Rules.Count} rules, {config.Subscribers.Count} subscribers; {Topology(config.Settings)}");
            return code;
        });
        return command;
    }

    /// <summary>Whether <c>run</c> joins a cluster: an operator checking a fleet's config sees it without reading the YAML.</summary>
    private static string Topology(SettingsOptions settings) =>
        settings.Scheduler.Clustered
            ? $"state in {settings.Storage.Provider.ToString().ToLowerInvariant()}, scheduler clustered"
            : $"state in {settings.Storage.Provider.ToString().ToLowerInvariant()}, scheduler on this node only";
}
