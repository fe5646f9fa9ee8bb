using System.CommandLine;

namespace Aggregator.Commands;

/// <summary>The command line (README.md#commands).</summary>
internal static class Cli
{
    public static Option<string> ConfigOption { get; } = new("--config")
    {
        Description = "The config directory (default: $AGGREGATOR_CONFIG or ./config).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AGGREGATOR_CONFIG") is { Length: > 0 } env ? env : "config",
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Aggregator: watches feeds and alerts subscribers when an item matches their rules.");
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(TestRuleCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        return root;
    }
}
