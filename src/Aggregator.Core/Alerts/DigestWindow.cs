namespace Aggregator.Core.Alerts;

/// <summary>
/// Wall-clock arithmetic for digest windows: turns a local time in a zone into an instant, even on the
/// days a clock change skips or repeats that time.
/// </summary>
internal static class DigestWindow
{
    /// <summary>
    /// A skipped local time (spring forward) moves forward by the gap, so 01:30 on a day that jumps from
    /// 01:00 to 02:00 becomes 02:30; a repeated one (fall back) is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddHours(-12));
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}
