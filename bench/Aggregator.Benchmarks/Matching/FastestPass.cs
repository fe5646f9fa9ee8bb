using System.Diagnostics;
using System.Globalization;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// <c>fastest-pass [rules...] [--seconds N]</c>: the same work as <see cref="RuleMatchingBenchmarks.Index"/>,
/// timed as the fastest of many passes over all items. On a shared machine the fastest pass is the one
/// least disturbed by other processes, so it compares two builds of the code more steadily than a mean;
/// the median pass is printed beside it as the typical one. A development aid beside the benchmark, not a
/// replacement for it.
/// </summary>
internal static class FastestPass
{
    public static void Run(string[] args)
    {
        var seconds = 8.0;
        var counts = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else counts.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
        }
        if (counts.Count == 0) counts.AddRange([10, 10_000]);
        var corpus = new NewsCorpus();
        var items = corpus.Items(RuleMatchingBenchmarks.ItemCount);
        foreach (var count in counts)
        {
            var index = RuleIndex.Build(RuleCorpus.Rules(corpus, count));
            var passes = new List<double>();
            var used = 0L;
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds)
            {
                var pass = Stopwatch.StartNew();
                foreach (var item in items)
                    foreach (var match in index.Match(item, "world-news"))
                        foreach (var evidence in match.Matches) used += evidence.Snippet.Length;
                passes.Add(pass.Elapsed.TotalMicroseconds / items.Count);
            }
            passes.Sort();
            var (fastest, median) = (passes[0], passes[passes.Count / 2]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count,7:N0} rules: fastest of {passes.Count} passes {fastest:F2} us per item ({1e6 / fastest:N0} items/s), median {median:F2} us; evidence chars {used / passes.Count:N0} per pass"));
        }
    }
}
