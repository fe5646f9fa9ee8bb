using System.Globalization;
using System.Text;

namespace Aggregator.Tests.Parsing;

/// <summary>Agreement counts per source and tier, and the mismatches behind them.</summary>
internal sealed class ConformanceTally
{
    private readonly SortedDictionary<(string Tier, string Source), int[]> _counts = [];

    public List<string> Mismatches { get; } = [];

    /// <summary>Cases run, refused, crashed (other exception) and hung, per source.</summary>
    public SortedDictionary<string, int[]> Runs { get; } = [];

    public void Check(ConformanceCase c, string field, bool agrees, string detail)
    {
        var counts = Counts(c.Tier!, c.Source);
        counts[agrees ? 0 : 1]++;
        if (!agrees) Mismatches.Add($"[{c.Tier}] {c.Id} {field}: {detail}");
    }

    public void Excluded(ConformanceCase c) => Counts(c.Tier!, c.Source)[2]++;

    public void Ran(string source, int outcome)
    {
        if (!Runs.TryGetValue(source, out var r)) Runs[source] = r = new int[4];
        r[outcome]++;
    }

    public double Agreement(string tier)
    {
        var rows = _counts.Where(kv => kv.Key.Tier == tier).Select(kv => kv.Value).ToList();
        var agree = rows.Sum(r => r[0]);
        var total = agree + rows.Sum(r => r[1]);
        return total == 0 ? 1 : (double)agree / total;
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| tier | source | checks | agree | disagree | agreement | excluded |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var ((tier, source), r) in _counts)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {tier} | {source} | {r[0] + r[1]} | {r[0]} | {r[1]} | {Percent(r[0], r[0] + r[1])} | {r[2]} |");
        }
        foreach (var tier in _counts.Keys.Select(k => k.Tier).Distinct())
        {
            var rows = _counts.Where(kv => kv.Key.Tier == tier).Select(kv => kv.Value).ToList();
            var agree = rows.Sum(r => r[0]);
            var total = agree + rows.Sum(r => r[1]);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| **{tier}** | all | {total} | {agree} | {total - agree} | **{Percent(agree, total)}** | {rows.Sum(r => r[2])} |");
        }
        sb.AppendLine();
        sb.AppendLine("| source | files | parsed | refused (FeedFormatException) | crashed | hung |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var (source, r) in Runs)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {source} | {r.Sum()} | {r[0]} | {r[1]} | {r[2]} | {r[3]} |");
        }
        return sb.ToString();
    }

    private int[] Counts(string tier, string source)
    {
        if (!_counts.TryGetValue((tier, source), out var counts)) _counts[(tier, source)] = counts = new int[3];
        return counts;
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
