using Aggregator.Configuration;
using Aggregator.Core.Query;

namespace Aggregator.Tests.Configuration;

/// <summary>A config directory in the temp folder, loaded with a controlled environment.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    public TempConfigDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aggregator-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public Dictionary<string, string> Environment { get; } = [];

    public TempConfigDirectory Write(string name, string yaml)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, yaml);
        return this;
    }

    public ConfigLoadResult Load() =>
        new ConfigLoader(name => Environment.GetValueOrDefault(name), ValidateQueryWhenAvailable).Load(Path);

    /// <summary>The check-config lines, with the temp directory left out so expectations read like the operator's.</summary>
    public IReadOnlyList<string> Lines(ConfigLoadResult result) =>
        [.. ConfigReport.Lines(result.Diagnostics).Select(line => line.Replace(Path + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))];

    public IReadOnlyList<string> LoadLines() => Lines(Load());

    /// <summary>The real query validation, once the query language exists; until then every query passes.</summary>
    public static void ValidateQueryWhenAvailable(string query)
    {
        try
        {
            RuleIndex.Validate(query);
        }
        catch (NotImplementedException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
