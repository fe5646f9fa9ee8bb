using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Aggregator.Benchmarks.Matching;

internal sealed class MatchingConfig : ManualConfig
{
    public MatchingConfig()
    {
        AddColumn(StatisticColumn.Median, new ItemsPerSecondColumn(), new ItemsPerSecondColumn(median: true));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
