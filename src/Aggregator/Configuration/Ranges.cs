namespace Aggregator.Configuration;

/// <summary>
/// The range of every duration and size a config may set: wide enough for any real use, narrow enough that
/// whatever <c>check-config</c> accepts works at run time (a maxItemAge of 10,000 years would put the oldest
/// acceptable date before year 1, and every poll would throw). The README's configuration reference lists them.
/// </summary>
internal static class Ranges
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>A feed's <c>every</c>, <c>polling.defaultEvery</c> and <c>polling.minEvery</c>.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) Interval = (Second, 30 * Day);

    public static readonly (TimeSpan Min, TimeSpan Max) Timeout = (Second, 10 * Minute);

    public static readonly (TimeSpan Min, TimeSpan Max) MaxItemAge = (Minute, 3650 * Day);

    public static readonly (TimeSpan Min, TimeSpan Max) StoryWindow = (Minute, 30 * Day);

    public static readonly (TimeSpan Min, TimeSpan Max) FeedSilentAfter = (Minute, 365 * Day);

    public static readonly (TimeSpan Min, TimeSpan Max) RetryInitial = (TimeSpan.FromMilliseconds(100), Day);

    public static readonly (TimeSpan Min, TimeSpan Max) RetryMax = (Second, 7 * Day);

    public static readonly (TimeSpan Min, TimeSpan Max) MaxAge = (Minute, 365 * Day);

    public static readonly (long Min, long Max) MaxBodySize = (1L << 10, 1L << 30);
}
