using System.Globalization;
using Aggregator.Configuration;
using Aggregator.Scheduling;

namespace Aggregator.Benchmarks.Scheduling;

/// <summary>
/// <c>schedule-memory [feeds]</c> (10,000 unless given): what a single node's schedule holds for its feeds
/// (<see cref="FeedDueTimes"/>, as <see cref="NodeFeedSchedule"/> keeps them): the managed heap and the resident set
/// before and after, in a process of its own. Where the worker's memory at 10,000 feeds goes, weighed part by part.
/// </summary>
internal static class ScheduleMemory
{
    public static Task RunAsync(string[] args)
    {
        var count = args.Length == 0 ? 10_000 : int.Parse(args[0], CultureInfo.InvariantCulture);
        var snapshot = Snapshot(count);
        var due = new FeedDueTimes();
        // One feed first, so that what is loaded and allocated once is not counted per feed.
        due.Apply(Snapshot(1), DateTimeOffset.UtcNow);
        var (heap, rss) = (Heap(), Environment.WorkingSet);
        due.Apply(snapshot, DateTimeOffset.UtcNow);
        var (heapAfter, rssAfter) = (Heap(), Environment.WorkingSet);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{due.Count:N0} feeds scheduled: managed heap +{(heapAfter - heap) / 1048576.0:F1} MiB ({(heapAfter - heap) / count:N0} bytes a feed), resident +{(rssAfter - rss) / 1048576.0:F1} MiB"));
        GC.KeepAlive(snapshot);
        return Task.CompletedTask;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static ConfigSnapshot Snapshot(int feeds) => ConfigSnapshot.Create(new AggregatorConfig
    {
        Directory = Path.GetTempPath(),
        Feeds = [.. Enumerable.Range(0, feeds).Select(i => new FeedDefinition
        {
            Id = $"feed-{i}",
            Url = $"http://127.0.0.1/{i}.xml",
            Location = new Uri($"http://127.0.0.1/{i}.xml"),
            Every = TimeSpan.FromMinutes(1),
        })],
    });
}
