using System.Globalization;

namespace Aggregator.Configuration;

/// <summary>The contract's size syntax: plain bytes, or a number with <c>KiB</c>, <c>MiB</c>, <c>GiB</c>.</summary>
internal static class Sizes
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim();
        var unitStart = 0;
        while (unitStart < s.Length && (char.IsAsciiDigit(s[unitStart]) || s[unitStart] == '.')) unitStart++;
        if (unitStart == 0 || !decimal.TryParse(s.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            return false;
        long? multiplier = s[unitStart..] switch
        {
            "" or "B" => 1,
            "KiB" => 1L << 10,
            "MiB" => 1L << 20,
            "GiB" => 1L << 30,
            _ => null,
        };
        if (multiplier is null || n > long.MaxValue / multiplier.Value) return false;
        var value = n * multiplier.Value;
        if (value != decimal.Truncate(value)) return false;
        bytes = (long)value;
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30}GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20}MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10}KiB",
        _ => $"{bytes}B",
    };
}
