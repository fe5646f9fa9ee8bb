using System.Globalization;
using System.Text;

namespace Aggregator.LoadTest;

/// <summary>
/// Turns the server's request log, the webhook arrivals and the /proc samples into the figures of a run.
/// On time: a feed's schedule is anchored at the earliest offset any of its requests shows (Quartz never
/// fires early); each expected time before the end counts as a scheduled poll, on time when a request arrives
/// within the tolerance after it (by arrival, however long the feed then took to answer). Alert latency: webhook
/// arrival minus the moment the item appeared on the server.
/// </summary>
internal sealed class LoadReport(LoadOptions options, FeedCatalog catalog, LatencyPlan latency, RequestLog log, IReadOnlyList<Sample> samples, double end, double peakRssMiB)
{
    private readonly double _interval = options.Interval.TotalSeconds;
    private readonly double _tolerance = options.OnTimeTolerance.TotalSeconds;

    public string Render()
    {
        long polls = 0, scheduled = 0, onTime = 0, answeringScheduled = 0, answeringOnTime = 0, expectedAlerts = 0, deliveredExpected = 0;
        var first = double.MaxValue;
        var firsts = new double[catalog.Count];
        var pollTimes = new List<double>();
        for (var f = 0; f < catalog.Count; f++)
        {
            var requests = log.RequestsOf(f).Where(r => r <= end).Order().ToArray();
            firsts[f] = double.NaN;
            if (requests.Length == 0) continue;
            polls += requests.Length;
            pollTimes.AddRange(requests);
            firsts[f] = requests[0];
            first = Math.Min(first, requests[0]);
            var anchor = requests.Min(r => r - Math.Round((r - requests[0]) / _interval) * _interval);
            var answers = latency.Of(f).Class != LatencyClass.Never;
            for (var expected = anchor; expected + _tolerance <= end; expected += _interval)
            {
                scheduled++;
                var e = expected;
                var met = requests.Any(r => r >= e - 0.05 && r <= e + _tolerance);
                if (met) onTime++;
                if (!answers) continue;
                answeringScheduled++;
                if (met) answeringOnTime++;
            }
            (var exp, var got) = ExpectedAlerts(f, requests[0]);
            expectedAlerts += exp;
            deliveredExpected += got;
        }

        var steadyFrom = first + _interval;
        var steadyPolls = pollTimes.Count(t => t >= steadyFrom);
        var cpuAtSteady = samples.Where(s => s.At >= steadyFrom).Select(s => s.Cpu).DefaultIfEmpty(double.NaN).First();
        var cpuAtEnd = samples.Count > 0 ? samples[^1].Cpu : double.NaN;
        var steadySeconds = end - steadyFrom;
        var latencies = log.Alerts
            .Select(a => FeedCatalog.TryReadItemId(a.Key, out var f, out var v) ? a.Value - catalog.AppearedAt(f, v) : double.NaN)
            .Where(l => !double.IsNaN(l)).Order().ToArray();
        var loads = samples.Select(s => s.Load1).DefaultIfEmpty(double.NaN).ToArray();

        var sb = new StringBuilder();
        void Line(string name, string value) => sb.Append(CultureInfo.InvariantCulture, $"| {name} | {value} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"\nfeeds {options.Feeds}, rules {options.Rules}, interval {_interval}s, duration {options.Duration.TotalSeconds}s, seeded seen keys {options.SeedSeen}, change share {options.ChangeShare}, match share {options.MatchShare}, perHostConcurrency {options.PerHostConcurrency}, concurrency {options.Concurrency?.ToString(CultureInfo.InvariantCulture) ?? "(worker default)"}\n");
        sb.Append(CultureInfo.InvariantCulture, $"latency {options.Latency.ToString().ToLowerInvariant()} (seed {options.LatencySeed}), slow-body share {options.SlowBodyShare}, feed hosts {options.Hosts}\n");
        sb.Append(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Machine.MemoryGiB():F1} GiB\n\n| figure | value |\n|---|---|\n");
        Line("polls (200 / 304)", $"{polls} ({log.Full} / {log.NotModified})");
        Line("polls per second (steady, after the first interval)", steadySeconds > 0 ? $"{steadyPolls / steadySeconds:F1}" : "n/a");
        Line("expected polls per second", $"{options.Feeds / _interval:F1}");
        Line($"on time (within {_tolerance}s of schedule)", scheduled > 0 ? $"{100.0 * onTime / scheduled:F2}% ({onTime} of {scheduled})" : "n/a");
        // A feed that never answers fails every poll, and the worker's failure back-off rightly spaces its polls out.
        Line("on time, feeds that answer", answeringScheduled > 0 ? $"{100.0 * answeringOnTime / answeringScheduled:F2}% ({answeringOnTime} of {answeringScheduled})" : "n/a");
        Line("worker CPU per 1,000 polls (steady)", steadyPolls > 0 ? $"{(cpuAtEnd - cpuAtSteady) / steadyPolls * 1000:F2} s" : "n/a");
        Line("worker CPU, whole run", $"{cpuAtEnd:F1} s ({(cpuAtEnd - cpuAtSteady) / Math.Max(1, steadySeconds) * 100:F0}% of one core in steady state)");
        Line("peak RSS (VmHWM)", $"{peakRssMiB:F1} MiB");
        Line("RSS after the first interval, max of 1 s samples", $"{samples.Where(s => s.At >= steadyFrom).Select(s => s.RssMiB).DefaultIfEmpty(double.NaN).Max():F1} MiB");
        Line("RSS 10 s after start (config loaded, schedule applied)", $"{samples.Skip(9).Select(s => s.RssMiB).DefaultIfEmpty(double.NaN).First():F1} MiB");
        Line("alerts delivered (duplicates)", $"{log.Alerts.Count} ({log.DuplicateAlerts})");
        Line("alerts expected by end - interval - 5s - the feed's answer time / delivered of those", $"{expectedAlerts} / {deliveredExpected}");
        Line("alert latency p50 / p95 / p99 / max", latencies.Length > 0
            ? $"{Percentiles.Of(latencies, 50):F1} / {Percentiles.Of(latencies, 95):F1} / {Percentiles.Of(latencies, 99):F1} / {latencies[^1]:F1} s" : "n/a");
        Line("feeds by latency: normal / slow 5–10 s / never answering / slow body", string.Create(CultureInfo.InvariantCulture,
            $"{latency.Count(LatencyClass.Normal)} / {latency.Count(LatencyClass.Slow)} / {latency.Count(LatencyClass.Never)} / {latency.Count(LatencyClass.SlowBody)} (median think time {latency.MedianThink() * 1000:F0} ms)"));
        var served = log.ServedSorted();
        Line("think time served before headers p50 / p95 / p99 / max", served.Length > 0
            ? $"{Percentiles.Of(served, 50) * 1000:F0} / {Percentiles.Of(served, 95) * 1000:F0} / {Percentiles.Of(served, 99) * 1000:F0} / {served[^1] * 1000:F0} ms" : "n/a");
        var abandoned = log.AbandonedRequests().Where(a => a.Left <= end).Select(a => a.Left - a.Arrived).Order().ToArray();
        Line("requests abandoned by the client (held for p50 / max)", abandoned.Length > 0
            ? $"{abandoned.Length} ({Percentiles.Of(abandoned, 50):F1} / {abandoned[^1]:F1} s)" : "0");
        Line("peak feed requests held open at once", log.PeakOpen.ToString(CultureInfo.InvariantCulture));
        Line("load average (1 min) min / median / max during run", $"{loads.Min():F2} / {Percentiles.Of([.. loads.Order()], 50):F2} / {loads.Max():F2}");
        return sb.ToString();
    }

    /// <summary>
    /// Matching items that appeared after the feed's first poll and early enough to be delivered by the end, the feed's own
    /// answer time (jitter included) allowed for; none from a feed that never answers, which no poller can read.
    /// </summary>
    private (long Expected, long Delivered) ExpectedAlerts(int feed, double firstPoll)
    {
        long expected = 0, delivered = 0;
        var answer = latency.Of(feed);
        if (answer.Class == LatencyClass.Never) return (0, 0);
        var last = catalog.VersionAt(feed, end - _interval - 5 - 1.2 * (answer.Seconds + answer.BodySeconds));
        for (var v = catalog.VersionAt(feed, firstPoll) + 1; v <= last; v++)
        {
            if (!catalog.Changes(feed, v)) continue;
            for (var i = 0; i < options.NewItemsPerChange; i++)
            {
                if (catalog.MatchedRule(feed, v, i) < 0) continue;
                expected++;
                if (log.Alerts.ContainsKey(FeedCatalog.ItemId(feed, v, i))) delivered++;
            }
        }
        return (expected, delivered);
    }
}
