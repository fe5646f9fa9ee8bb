using System.CommandLine;
using Aggregator.Commands;

namespace Aggregator;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        // The Generic Host handles SIGTERM/SIGINT for `run`; the parser must not race it for them.
        Cli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
