using BenchmarkDotNet.Attributes;
using Aggregator.Core.Items;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// The naive baseline: every rule on every item, a compiled Regex per term. Capped at 1,000 rules and
/// the first 1,000 of the same items, because beyond that one measurement takes minutes.
/// </summary>
[Config(typeof(MatchingConfig))]
public class NaiveMatchingBenchmarks
{
    public const int ItemCount = 1_000;

    private List<FeedItem> _items = [];
    private NaiveRule[] _rules = [];

    [Params(10, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new NewsCorpus();
        _items = corpus.Items(ItemCount);
        _rules = [.. RuleCorpus.Rules(corpus, Rules).Select(NaiveRule.Compile)];
    }

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public int Naive()
    {
        var matched = 0;
        foreach (var item in _items)
            foreach (var rule in _rules)
                if (rule.IsMatch(item)) matched++;
        return matched;
    }
}
