using System.Security.Cryptography;
using System.Text;
using Aggregator.Configuration;

namespace Aggregator.Scheduling;

/// <summary>How the config times a feed, the same for either schedule: its interval, what identifies its schedule, and where its first poll falls.</summary>
internal static class FeedTiming
{
    /// <summary>The feed's interval, raised to <c>minEvery</c>.</summary>
    public static TimeSpan Every(FeedDefinition feed, PollingOptions polling)
    {
        var every = feed.Every ?? polling.DefaultEvery;
        return every < polling.MinEvery ? polling.MinEvery : every;
    }

    /// <summary>Equal for two configs that schedule the feed alike: a feed is rescheduled only when this changes.</summary>
    public static string Signature(FeedDefinition feed, PollingOptions polling) =>
        feed.Cron is { } cron ? $"cron:{cron}" : $"every:{Every(feed, polling).Ticks}";

    /// <summary>
    /// How long after scheduling a new remote feed is first polled: a point spread over its first interval (at most a minute),
    /// derived from the feed id so every node agrees; a local file at once.
    /// </summary>
    public static TimeSpan FirstDelay(FeedDefinition feed)
    {
        if (feed.Location.IsFile) return TimeSpan.Zero;
        var window = feed.Every is { } every && every < TimeSpan.FromMinutes(1) ? every : TimeSpan.FromMinutes(1);
        var fraction = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(feed.Id))) / (double)uint.MaxValue;
        return window * fraction;
    }
}
