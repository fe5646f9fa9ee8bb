using System.Globalization;

namespace Aggregator.Core.Alerts;

/// <summary>
/// When a subscriber's alerts go out: <c>immediate</c>, <c>every 1h</c>, <c>daily 08:00</c> or
/// <c>weekly mon 08:00</c>. Times of day are in the subscriber's time zone.
/// </summary>
public sealed record DigestSchedule(DigestKind Kind, TimeSpan Interval, TimeOnly TimeOfDay, DayOfWeek Day)
{
    public static DigestSchedule Immediate { get; } = new(DigestKind.Immediate, TimeSpan.Zero, default, default);

    public override string ToString() => Kind switch
    {
        DigestKind.Immediate => "immediate",
        DigestKind.Every => $"every {Durations.Format(Interval)}",
        DigestKind.Daily => $"daily {TimeOfDay:HH\\:mm}",
        _ => $"weekly {Day.ToString()[..3].ToLowerInvariant()} {TimeOfDay:HH\\:mm}",
    };

    /// <summary>
    /// When an alert found at <paramref name="now"/> goes out: at once for <c>immediate</c>, otherwise at
    /// the end of the window holding <paramref name="now"/> (strictly later than it). <c>every</c> windows
    /// are multiples of the interval on the zone's wall clock; daily and weekly ones fall on the given
    /// local time, DST-safe (see <see cref="DigestWindow"/>).
    /// </summary>
    public DateTimeOffset NextDue(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        switch (Kind)
        {
            case DigestKind.Immediate:
                return now;
            case DigestKind.Every:
                var offset = zone.GetUtcOffset(now);
                var wall = now.UtcTicks + offset.Ticks;
                var next = (wall / Interval.Ticks + 1) * Interval.Ticks;
                return new DateTimeOffset(next - offset.Ticks, TimeSpan.Zero);
            default:
                var local = TimeZoneInfo.ConvertTime(now, zone).DateTime.Date;
                if (Kind == DigestKind.Weekly)
                    local = local.AddDays(((int)Day - (int)local.DayOfWeek + 7) % 7);
                var step = Kind == DigestKind.Weekly ? 7 : 1;
                for (var i = 0; ; i++)
                {
                    var due = DigestWindow.ToInstant(local.AddDays(i * step) + TimeOfDay.ToTimeSpan(), zone);
                    if (due > now) return due;
                }
        }
    }

    public static bool TryParse(string text, out DigestSchedule schedule, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        schedule = Immediate;
        error = string.Empty;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["immediate"]:
                return true;
            case ["every", var span] when Durations.TryParse(span, out var interval) && interval >= TimeSpan.FromMinutes(1):
                schedule = new(DigestKind.Every, interval, default, default);
                return true;
            case ["daily", var at] when TryParseTime(at, out var time):
                schedule = new(DigestKind.Daily, TimeSpan.FromDays(1), time, default);
                return true;
            case ["weekly", var day, var at] when TryParseDay(day, out var dow) && TryParseTime(at, out var time):
                schedule = new(DigestKind.Weekly, TimeSpan.FromDays(7), time, dow);
                return true;
            default:
                error = $"invalid digest '{text}': expected 'immediate', 'every <duration of 1m or more>', 'daily HH:MM' or 'weekly mon HH:MM'";
                return false;
        }
    }

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryParseDay(string text, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }
        day = default;
        return false;
    }
}
