namespace Aggregator.Configuration;

/// <summary>What <c>check-config</c> (and <c>run</c>, at start) prints, and the exit code that goes with it.</summary>
internal static class ConfigReport
{
    public const int Valid = 0;
    public const int Invalid = 2;

    /// <summary>One line per problem, <c>path:line:col: error: message</c>, in file and position order.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<ConfigDiagnostic> diagnostics)
    {
        return [.. diagnostics.Select(d => d.ToString())];
    }

    /// <summary>0 when the configuration can be used (warnings alone do not fail it), 2 otherwise.</summary>
    public static int ExitCode(ConfigLoadResult result)
    {
        return result.Config is not null && !result.Diagnostics.Any(d => d.IsError) ? Valid : Invalid;
    }

    /// <summary>Writes every line to <paramref name="output"/> and returns the exit code.</summary>
    public static int Write(ConfigLoadResult result, TextWriter output)
    {
        foreach (var line in Lines(result.Diagnostics)) output.WriteLine(line);
        return ExitCode(result);
    }
}
