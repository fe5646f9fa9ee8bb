using System.Diagnostics;

namespace Aggregator.LoadTest;

/// <summary>Seconds since the run started, on a monotonic clock, plus the wall time at that start for pubDate.</summary>
internal sealed class RunClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public DateTimeOffset StartedAt { get; } = TimeProvider.System.GetUtcNow();

    public double Now => Stopwatch.GetElapsedTime(_start).TotalSeconds;
}
