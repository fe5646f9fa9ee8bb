using System.Globalization;
using System.Text;

namespace Aggregator.LoadTest;

/// <summary>
/// The feeds' content as a pure function of time, so the server keeps no state and the report can tell
/// when any item appeared. Feed <c>f</c> enters version <c>v</c> at <c>v * interval - phase(f)</c>; at a
/// version a share of feeds publish new items, and a share of those items match exactly one rule.
/// Times are seconds since the run's clock started.
/// </summary>
internal sealed class FeedCatalog(LoadOptions options)
{
    private readonly double _interval = options.Interval.TotalSeconds;

    public int Count => options.Feeds;

    public double Phase(int feed) => Unit(Mix((ulong)feed, 0, 1)) * _interval;

    public long VersionAt(int feed, double t) => (long)Math.Floor((t + Phase(feed)) / _interval);

    public double AppearedAt(int feed, long version) => version * _interval - Phase(feed);

    public bool Changes(int feed, long version) => version > 0 && Unit(Mix((ulong)feed, (ulong)version, 2)) < options.ChangeShare;

    /// <summary>The rule an item matches, or -1.</summary>
    public int MatchedRule(int feed, long version, int index)
    {
        var h = Mix((ulong)feed, (ulong)version, 3 + (ulong)index);
        return Unit(h) < options.MatchShare ? (int)((h >> 11) % (ulong)options.Rules) : -1;
    }

    /// <summary>The newest version at or before <paramref name="version"/> that published items (0: the initial items).</summary>
    public long LastChange(int feed, long version)
    {
        for (var v = version; v > 0; v--)
            if (Changes(feed, v)) return v;
        return 0;
    }

    public static string ItemId(int feed, long version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"f{feed}-v{version}-{index}");

    /// <summary>Reads an id made by <see cref="ItemId"/>.</summary>
    public static bool TryReadItemId(string id, out int feed, out long version)
    {
        feed = 0;
        version = 0;
        var parts = id.Split('-');
        return parts.Length == 3 && parts[0].StartsWith('f') && parts[1].StartsWith('v')
            && int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out feed)
            && long.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>The RSS document the feed serves at <paramref name="version"/>: its newest items, newest first.</summary>
    public byte[] Render(int feed, long version, DateTimeOffset clockStart)
    {
        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Load feed {feed}</title><link>http://127.0.0.1/f/{feed}</link><description>synthetic</description>");
        var written = 0;
        for (var v = version; v > 0 && written < options.ItemsPerFeed; v--)
        {
            if (!Changes(feed, v)) continue;
            for (var i = options.NewItemsPerChange - 1; i >= 0 && written < options.ItemsPerFeed; i--, written++)
                AppendItem(sb, feed, v, i, clockStart);
        }
        for (var i = 0; written < options.ItemsPerFeed; i++, written++)
            AppendItem(sb, feed, 0, i, clockStart);
        sb.Append("</channel></rss>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private void AppendItem(StringBuilder sb, int feed, long version, int index, DateTimeOffset clockStart)
    {
        var id = ItemId(feed, version, index);
        var rule = version > 0 ? MatchedRule(feed, version, index) : -1;
        var topic = rule >= 0 ? string.Create(CultureInfo.InvariantCulture, $"kw{rule} border") : "quiet market";
        var published = clockStart.AddSeconds(Math.Max(0, AppearedAt(feed, version))).ToString("R", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture,
            $"<item><title>Report {id}: {topic} news</title><link>http://127.0.0.1/items/{id}</link><guid isPermaLink=\"false\">{id}</guid><pubDate>{published}</pubDate>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<description>&lt;p&gt;Synthetic item {index} of version {version}: officials discussed {topic} and the weather, trade, roads and schools.&lt;/p&gt;</description></item>");
    }

    private static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 over three inputs: deterministic, uniform enough, no shared state.</summary>
    private static ulong Mix(ulong a, ulong b, ulong c)
    {
        var z = a * 0x9E3779B97F4A7C15UL ^ (b + 0x632BE59BD9B4E019UL) * 0xBF58476D1CE4E5B9UL ^ c * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
