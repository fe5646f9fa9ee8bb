using Aggregator.Core.Alerts;

namespace Aggregator.Core.Tests.Alerts;

public sealed class DigestScheduleNextDueTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private static DigestSchedule Parse(string text)
    {
        DigestSchedule.TryParse(text, out var schedule, out var error).ShouldBeTrue(error);
        return schedule;
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Immediate: now.
    [InlineData("immediate", "UTC", "2026-11-27T09:15:00Z", "2026-11-27T09:15:00Z")]
    // Every: the next multiple of the interval on the zone's wall clock, strictly later.
    [InlineData("every 1h", "UTC", "2026-11-27T09:15:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("every 1h", "UTC", "2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("every 15m", "UTC", "2026-11-27T09:15:01Z", "2026-11-27T09:30:00Z")]
    [InlineData("every 1h", "Asia/Kolkata", "2026-11-27T09:15:00Z", "2026-11-27T09:30:00Z")]
    [InlineData("every 6h", "Europe/London", "2026-07-01T04:30:00Z", "2026-07-01T05:00:00Z")]
    // Daily: the next occurrence of the local time.
    [InlineData("daily 08:00", "Europe/London", "2026-11-27T07:59:00Z", "2026-11-27T08:00:00Z")]
    [InlineData("daily 08:00", "Europe/London", "2026-11-27T08:00:00Z", "2026-11-28T08:00:00Z")]
    [InlineData("daily 08:00", "Europe/London", "2026-07-01T06:30:00Z", "2026-07-01T07:00:00Z")]
    [InlineData("daily 08:00", "Asia/Kolkata", "2026-11-27T09:15:00Z", "2026-11-28T02:30:00Z")]
    // Daily across clock changes: the day after spring forward and after fall back.
    [InlineData("daily 08:00", "Europe/London", "2026-03-28T09:00:00Z", "2026-03-29T07:00:00Z")]
    [InlineData("daily 08:00", "Europe/London", "2026-10-24T09:00:00Z", "2026-10-25T08:00:00Z")]
    // A skipped local time moves forward by the gap; a repeated one is its first occurrence.
    [InlineData("daily 01:30", "Europe/London", "2026-03-28T12:00:00Z", "2026-03-29T01:30:00Z")]
    [InlineData("daily 01:30", "Europe/London", "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z")]
    // Weekly: the next given weekday at the local time (27 Nov 2026 is a Friday).
    [InlineData("weekly mon 08:00", "Europe/London", "2026-11-27T09:15:00Z", "2026-11-30T08:00:00Z")]
    [InlineData("weekly fri 10:00", "Europe/London", "2026-11-27T09:15:00Z", "2026-11-27T10:00:00Z")]
    [InlineData("weekly fri 09:00", "Europe/London", "2026-11-27T09:15:00Z", "2026-12-04T09:00:00Z")]
    [InlineData("weekly mon 08:00", "Europe/London", "2026-03-27T12:00:00Z", "2026-03-30T07:00:00Z")]
    public void Next_due_is_the_end_of_the_window(string digest, string zone, string now, string expected)
    {
        var tz = zone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);

        var due = Parse(digest).NextDue(Utc(now), tz);

        due.ShouldBe(Utc(expected));
    }

    [Fact]
    public void Every_alert_of_one_window_gets_the_same_due_time()
    {
        var daily = Parse("daily 08:00");
        var start = Utc("2026-11-27T08:00:01Z");

        var dues = Enumerable.Range(0, 24 * 60).Select(m => daily.NextDue(start.AddMinutes(m), London)).Distinct().ToList();

        dues.ShouldBe([Utc("2026-11-28T08:00:00Z")]);
    }

    [Fact]
    public void Next_due_never_goes_backwards_across_a_year_of_hours()
    {
        foreach (var digest in new[] { "every 1h", "daily 01:30", "weekly sun 01:30" })
        {
            var schedule = Parse(digest);
            foreach (var tz in new[] { London, Kolkata })
            {
                var now = Utc("2026-01-01T00:00:00Z");
                for (var h = 0; h < 24 * 366; h++, now = now.AddHours(1))
                {
                    var due = schedule.NextDue(now, tz);
                    due.ShouldBeGreaterThan(now);
                    (due - now).ShouldBeLessThanOrEqualTo(schedule.Interval + TimeSpan.FromHours(1));
                }
            }
        }
    }
}
