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

    /// <summary>What the worker does per item: match it, then use every match's evidence (alerts render each snippet).</summary>
    [Benchmark(OperationsPerInvoke = ItemCount)]
    public int Index()
    {
        var used = 0;
        foreach (var item in _items)
        {
            foreach (var match in _index.Match(item, "world-news"))
            {
                used++;
                foreach (var evidence in match.Matches) used += evidence.Field.Length + evidence.Term.Length + evidence.Start + evidence.Length + evidence.Snippet.Length;
            }
        }
        return used;
    }
}
