using System.Globalization;

namespace Aggregator.LoadTest;

/// <summary>What the report says about the machine, read from /proc.</summary>
internal static class Machine
{
    public static double Load1() => LoadAverages()[0];

    public static double[] LoadAverages()
    {
        var parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return [.. parts.Take(3).Select(p => double.Parse(p, CultureInfo.InvariantCulture))];
    }

    public static double MemoryGiB()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }
}
