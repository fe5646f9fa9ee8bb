using Quartz;

namespace Aggregator.Scheduling;

/// <summary>The fires of a feed's <c>cron</c> (a Quartz cron expression, in UTC, checked when the config is read).</summary>
internal static class CronFires
{
    /// <summary>The first fire strictly after <paramref name="after"/>; null when the expression fires no more.</summary>
    public static DateTimeOffset? After(string cron, DateTimeOffset after) =>
        new CronExpression(cron, TimeZoneInfo.Utc).GetNextValidTimeAfter(after);
}
