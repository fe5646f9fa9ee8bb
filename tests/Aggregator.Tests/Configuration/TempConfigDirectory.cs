using Aggregator.Configuration;
using Aggregator.Core.Query;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Configuration;

/// <summary>A config directory in the temp folder (a <see cref="TempDirectory"/>), loaded with a controlled environment.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public Dictionary<string, string> Environment { get; } = [];

    public TempConfigDirectory Write(string name, string yaml)
    {
        _directory.Write(name, yaml);
        return this;
    }

    public ConfigLoadResult Load() =>
        new ConfigLoader(name => Environment.GetValueOrDefault(name), ValidateQuery).Load(Path);

    /// <summary>The check-config lines, with the temp directory left out so expectations read like the operator's.</summary>
    public IReadOnlyList<string> Lines(ConfigLoadResult result) =>
        [.. ConfigReport.Lines(result.Diagnostics).Select(line => line.Replace(Path + System.IO.Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal))];

    public IReadOnlyList<string> LoadLines() => Lines(Load());

    /// <summary>The query check the worker's loader uses.</summary>
    public static void ValidateQuery(string query) => RuleIndex.Validate(query);

    public void Dispose() => _directory.Dispose();
}
