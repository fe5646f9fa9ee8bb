namespace Aggregator.LoadTest;

/// <summary>How a feed's server behaves: its class for the report, and the delays it applies to every answer.</summary>
internal enum LatencyClass
{
    Normal,
    Slow,
    Never,
    SlowBody,
}

/// <param name="Seconds">Think time before the headers (a slow-body feed's 304s wait this; its 200s send headers at once).</param>
/// <param name="BodySeconds">For a slow-body feed, how long its 200 body trickles; 0 otherwise.</param>
internal sealed record FeedLatency(LatencyClass Class, double Seconds, double BodySeconds);
