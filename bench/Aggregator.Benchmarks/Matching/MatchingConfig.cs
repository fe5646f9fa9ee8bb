using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Aggregator.Benchmarks.Matching;

internal sealed class MatchingConfig : ManualConfig
{
    public MatchingConfig()
    {
        AddColumn(new ItemsPerSecondColumn());
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
