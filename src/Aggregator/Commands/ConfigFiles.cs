using System.CommandLine;
using Aggregator.Configuration;

namespace Aggregator.Commands;

/// <summary>Loads the directory named by <c>--config</c>.</summary>
internal static class ConfigFiles
{
    public static string Directory(ParseResult parse) => parse.GetValue(Cli.ConfigOption) ?? "config";

    public static ConfigLoadResult Load(ParseResult parse) => new ConfigLoader().Load(Directory(parse));
}
