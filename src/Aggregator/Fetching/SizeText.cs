using System.Globalization;

namespace Aggregator.Fetching;

/// <summary>Byte counts the way the config writes them: <c>15 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>.</summary>
internal static class SizeText
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture)} MiB",
        >= 1024 => $"{(bytes / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes} bytes",
    };
}
