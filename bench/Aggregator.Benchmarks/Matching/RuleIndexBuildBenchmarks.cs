using BenchmarkDotNet.Attributes;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>Compiling 10,000 rules into one index (what a config reload costs).</summary>
[MemoryDiagnoser]
public class RuleIndexBuildBenchmarks
{
    private List<RuleDefinition> _rules = [];

    [GlobalSetup]
    public void Setup() => _rules = RuleCorpus.Rules(new NewsCorpus(), 10_000);

    [Benchmark]
    public RuleIndex Build10000Rules() => RuleIndex.Build(_rules);
}
