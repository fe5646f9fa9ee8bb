using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// Items per second on one core, from the mean or the median time per operation (one operation is one item).
/// The median is shown too because on a shared machine a few slow iterations pull the mean up.
/// </summary>
internal sealed class ItemsPerSecondColumn(bool median = false) : IColumn
{
    public string Id => nameof(ItemsPerSecondColumn) + (median ? "Median" : "");

    public string ColumnName => median ? "Items/s (median)" : "Items/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Items matched per second on one core (1 s / {(median ? "median" : "mean")} time per item)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        var time = median ? statistics?.Median : statistics?.Mean;
        return time is > 0 ? (1e9 / time.Value).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
