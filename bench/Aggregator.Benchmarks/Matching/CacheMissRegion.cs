using System.Runtime.InteropServices;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// <c>cache-misses rules items</c>: the work of <see cref="RuleMatchingBenchmarks.Index"/> over a number of items,
/// after a warm-up, with only that loop inside valgrind's measured region. Run it through
/// <c>bench/cache-misses/run.sh</c>, which builds the region helper and reads valgrind's figures.
/// </summary>
internal static class CacheMissRegion
{
    private const int WarmUpItems = 3_000;

    public static void Run(int rules, int count)
    {
        var corpus = new NewsCorpus();
        var items = corpus.Items(WarmUpItems + count);
        var index = RuleIndex.Build(RuleCorpus.Rules(corpus, rules));
        var used = Match(index, items.Take(WarmUpItems));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        RegionStart();
        used += Match(index, items.Skip(WarmUpItems));
        RegionStop();
        Console.WriteLine($"evidence chars {used}");
    }

    private static long Match(RuleIndex index, IEnumerable<Core.Items.FeedItem> items)
    {
        var used = 0L;
        foreach (var item in items)
            foreach (var match in index.Match(item, "world-news"))
                foreach (var evidence in match.Matches) used += evidence.Snippet.Length;
        return used;
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, and a void() call needs no marshalling.
    [DllImport("callgrind_region", EntryPoint = "region_start")]
    private static extern void RegionStart();

    [DllImport("callgrind_region", EntryPoint = "region_stop")]
    private static extern void RegionStop();
}
