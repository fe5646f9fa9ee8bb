namespace Aggregator.LoadTest;

/// <summary>
/// Each feed's latency, drawn once per feed from a seeded <see cref="Random"/> so a run is reproducible.
/// Realistic: log-normal think time (median 250 ms, sigma 0.8, capped at 5 s); 1% of feeds answer after
/// 5–10 s, 0.5% never answer. In either mode a share of the other feeds (<c>--slow-bodies</c>) send headers
/// at once and trickle the body over 1–3 s.
/// </summary>
internal sealed class LatencyPlan
{
    private const double Median = 0.25;
    private const double Sigma = 0.8;
    private const double Cap = 5;
    private const double SlowShare = 0.01;
    private const double NeverShare = 0.005;

    private readonly FeedLatency[] _feeds;

    public LatencyPlan(LoadOptions options)
    {
        _feeds = new FeedLatency[options.Feeds];
        var realistic = options.Latency == LatencyMode.Realistic;
        var random = new Random(options.LatencySeed);
        for (var f = 0; f < _feeds.Length; f++)
        {
            // A fixed number of draws per feed, so one feed's class never shifts another feed's numbers.
            var kind = random.NextDouble();
            var body = random.NextDouble();
            var think = realistic ? Math.Min(Cap, Median * Math.Exp(Sigma * Gaussian(random))) : 0;
            var slow = 5 + 5 * random.NextDouble();
            var trickle = 1 + 2 * random.NextDouble();
            _feeds[f] = kind switch
            {
                < NeverShare when realistic => new FeedLatency(LatencyClass.Never, double.PositiveInfinity, 0),
                < NeverShare + SlowShare when realistic => new FeedLatency(LatencyClass.Slow, slow, 0),
                _ when body < options.SlowBodyShare => new FeedLatency(LatencyClass.SlowBody, think, trickle),
                _ => new FeedLatency(LatencyClass.Normal, think, 0),
            };
        }
    }

    public FeedLatency Of(int feed) => _feeds[feed];

    public int Count(LatencyClass kind) => _feeds.Count(f => f.Class == kind);

    /// <summary>Median think time of the feeds that answer, before per-request jitter.</summary>
    public double MedianThink()
    {
        var answering = _feeds.Where(f => f.Class != LatencyClass.Never).Select(f => f.Seconds).Order().ToArray();
        return Percentiles.Of(answering, 50);
    }

    /// <summary>Box–Muller: one standard normal draw from two uniform ones.</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
