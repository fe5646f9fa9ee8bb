using System.CommandLine;
using Aggregator.Configuration.Schema;

namespace Aggregator.Commands;

/// <summary>
/// <c>schema</c>: prints the JSON Schema of the config files, so an editor checks an operator's own config
/// directory as it checks the bundled one (<c>config/aggregator.schema.json</c> is this output).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of the config files, for editors.");
        command.SetAction(_ =>
        {
            Console.Out.Write(ConfigSchema.Serialize());
            return ExitCodes.Ok;
        });
        return command;
    }
}
