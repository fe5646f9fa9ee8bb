using BenchmarkDotNet.Attributes;
using Aggregator.Core.Items;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>The compiled index over 10,000 generated items; one reported operation is one item.</summary>
[Config(typeof(MatchingConfig))]
public class RuleMatchingBenchmarks
{
    public const int ItemCount = 10_000;

    private List<FeedItem> _items = [];
    private RuleIndex _index = RuleIndex.Empty;

    [Params(10, 1_000, 10_000, 100_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new NewsCorpus();
        _items = corpus.Items(ItemCount);
        _index = RuleIndex.Build(RuleCorpus.Rules(corpus, Rules));
    }

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public int Index()
    {
        var matched = 0;
        foreach (var item in _items) matched += _index.Match(item, "world-news").Count;
        return matched;
    }
}
