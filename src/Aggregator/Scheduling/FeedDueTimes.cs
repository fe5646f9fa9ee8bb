using Aggregator.Configuration;

namespace Aggregator.Scheduling;

/// <summary>
/// Each feed's next due time on a single node, in memory: about 200 bytes a feed, a tenth of a Quartz job and trigger
/// each. Fires the way such triggers do: an interval keeps its cadence, a fire more than
/// <see cref="NodeScheduler.MisfireThreshold"/> late is settled by one poll now with the interval restarting from there,
/// and a late cron fire is skipped for its next. Not thread-safe: <see cref="NodeFeedSchedule"/> serialises it.
/// </summary>
internal sealed class FeedDueTimes
{
    private readonly Dictionary<string, Entry> _feeds = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Entry, DateTimeOffset> _queue = new();

    public int Count => _feeds.Count;

    public bool Contains(string feedId) => _feeds.ContainsKey(feedId);

    /// <summary>When the feed is next due; null when it is not scheduled or its cron fires no more.</summary>
    public DateTimeOffset? NextDue(string feedId) => _feeds.TryGetValue(feedId, out var entry) ? entry.Next : null;

    /// <summary>
    /// Brings the schedule in line with the config: a new feed is first due after <see cref="FeedTiming.FirstDelay"/>, a feed whose
    /// schedule changed keeps its next due time (a cron one: its first fire from then), and an unchanged one is left alone.
    /// </summary>
    public (int Added, int Changed, int Removed) Apply(ConfigSnapshot snapshot, DateTimeOffset now)
    {
        var polling = snapshot.Config.Settings.Polling;
        int added = 0, changed = 0;
        foreach (var feed in snapshot.Config.Feeds)
        {
            var signature = FeedTiming.Signature(feed, polling);
            var previous = _feeds.GetValueOrDefault(feed.Id);
            if (previous?.Signature == signature) continue;
            var entry = new Entry(feed.Id, signature, feed.Cron, FeedTiming.Every(feed, polling));
            var start = previous?.Next ?? now + FeedTiming.FirstDelay(feed);
            Schedule(entry, entry.Cron is { } cron ? CronFires.After(cron, start.AddTicks(-1)) : start);
            if (previous is null) added++;
            else changed++;
        }
        var removed = _feeds.Keys.Where(id => !snapshot.Feeds.ContainsKey(id)).ToList();
        foreach (var id in removed) _feeds.Remove(id);
        return (added, changed, removed.Count);
    }

    /// <summary>The feeds due by <paramref name="now"/>, each once, with their next due times set.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        while (_queue.TryPeek(out var entry, out var at) && at <= now)
        {
            _queue.Dequeue();
            // A feed rescheduled or removed since leaves its old place in the queue behind.
            if (entry.Next != at || !ReferenceEquals(_feeds.GetValueOrDefault(entry.FeedId), entry)) continue;
            var late = now - at > NodeScheduler.MisfireThreshold;
            DateTimeOffset? next;
            if (entry.Cron is { } cron)
            {
                if (!late) due.Add(entry.FeedId);
                next = CronFires.After(cron, at);
                if (late || next <= now) next = CronFires.After(cron, now);
            }
            else
            {
                due.Add(entry.FeedId);
                next = late || at + entry.Every <= now ? now + entry.Every : at + entry.Every;
            }
            Schedule(entry, next);
        }
        return due;
    }

    private void Schedule(Entry entry, DateTimeOffset? next)
    {
        entry.Next = next;
        _feeds[entry.FeedId] = entry;
        if (next is { } at) _queue.Enqueue(entry, at);
    }

    private sealed class Entry(string feedId, string signature, string? cron, TimeSpan every)
    {
        public string FeedId { get; } = feedId;
        public string Signature { get; } = signature;
        public string? Cron { get; } = cron;
        public TimeSpan Every { get; } = every;
        public DateTimeOffset? Next { get; set; }
    }
}
