using System.Diagnostics;
using System.Globalization;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// <c>fastest-pass [rules...] [--seconds N]</c>: the same work as <see cref="RuleMatchingBenchmarks.Index"/>,
/// timed as the fastest of many passes over all items. On a shared machine the fastest pass is the one
/// least disturbed by other processes, so it compares two builds of the code more steadily than a mean;
/// it is a development aid beside the benchmark, not a replacement for it.
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
            var fastest = double.MaxValue;
            var passes = 0;
            var used = 0L;
            var total = Stopwatch.StartNew();
            while (total.Elapsed.TotalSeconds < seconds)
            {
                var pass = Stopwatch.StartNew();
                foreach (var item in items)
                    foreach (var match in index.Match(item, "world-news"))
                        foreach (var evidence in match.Matches) used += evidence.Snippet.Length;
                fastest = Math.Min(fastest, pass.Elapsed.TotalMicroseconds / items.Count);
                passes++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count,7:N0} rules: fastest of {passes} passes {fastest:F2} us per item ({1e6 / fastest:N0} items/s); evidence chars {used / passes:N0} per pass"));
        }
    }
}
