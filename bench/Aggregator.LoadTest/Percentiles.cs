namespace Aggregator.LoadTest;

/// <summary>Nearest-rank percentiles over a sorted copy.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
