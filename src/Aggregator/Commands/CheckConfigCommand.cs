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
            if (code == ConfigReport.Valid)
                Console.Out.WriteLine($"config is valid: {result.Config!.Feeds.Count} feeds, {result.Config.Rules.Count} rules, {result.Config.Subscribers.Count} subscribers");
            return code;
        });
        return command;
    }
}
