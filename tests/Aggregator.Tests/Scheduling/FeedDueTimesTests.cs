using Aggregator.Configuration;
using Aggregator.Scheduling;

namespace Aggregator.Tests.Scheduling;

/// <summary>A single node's due times fire as its Quartz triggers did: on cadence, one poll for a missed stretch, no burst on reload.</summary>
public sealed class FeedDueTimesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static FeedDefinition Remote(string id, TimeSpan? every = null, string? cron = null) => new()
    {
        Id = id,
        Url = $"http://127.0.0.1/{id}.xml",
        Location = new Uri($"http://127.0.0.1/{id}.xml"),
        Every = cron is null ? every ?? Minute : null,
        Cron = cron,
    };

    private static ConfigSnapshot Config(params FeedDefinition[] feeds) =>
        ConfigSnapshot.Create(new AggregatorConfig { Directory = Path.GetTempPath(), Feeds = feeds });

    [Fact]
    public void A_new_feed_is_first_due_after_its_spread_delay_and_then_every_interval()
    {
        var due = new FeedDueTimes();
        var feed = Remote("world");
        var first = Start + FeedTiming.FirstDelay(feed);

        due.Apply(Config(feed), Start).ShouldBe((1, 0, 0));

        due.NextDue("world").ShouldBe(first);
        due.TakeDue(first - TimeSpan.FromMilliseconds(1)).ShouldBeEmpty();
        due.TakeDue(first).ShouldBe(["world"]);
        due.TakeDue(first).ShouldBeEmpty("each due time is handed over once");
        due.NextDue("world").ShouldBe(first + Minute);
        due.TakeDue(first + Minute + TimeSpan.FromSeconds(3)).ShouldBe(["world"]);
        due.NextDue("world").ShouldBe(first + 2 * Minute, "a fire a little late keeps the cadence");
    }

    [Fact]
    public void A_stretch_missed_beyond_the_misfire_threshold_is_one_poll_now_and_the_interval_restarts_from_there()
    {
        var due = new FeedDueTimes();
        var feed = Remote("world");
        due.Apply(Config(feed), Start);
        var late = Start + TimeSpan.FromMinutes(30);

        due.TakeDue(late).ShouldBe(["world"]);

        due.NextDue("world").ShouldBe(late + Minute);
        due.TakeDue(late + TimeSpan.FromSeconds(59)).ShouldBeEmpty();
    }

    [Fact]
    public void A_reload_keeps_unchanged_feeds_due_times_reschedules_a_changed_one_from_its_next_and_drops_a_removed_one()
    {
        var due = new FeedDueTimes();
        due.Apply(Config(Remote("a"), Remote("b"), Remote("c")), Start);
        var now = Start + TimeSpan.FromMinutes(2);
        due.TakeDue(now);
        var (a, b) = (due.NextDue("a"), due.NextDue("b"));

        due.Apply(Config(Remote("a"), Remote("b", every: TimeSpan.FromMinutes(5)), Remote("d")), now).ShouldBe((1, 1, 1));

        due.NextDue("a").ShouldBe(a);
        due.NextDue("b").ShouldBe(b, "the changed feed keeps its next due time");
        due.NextDue("c").ShouldBeNull();
        due.NextDue("d").ShouldBe(now + FeedTiming.FirstDelay(Remote("d")));
        var fired = due.TakeDue(b!.Value);
        fired.ShouldContain("b");
        fired.ShouldNotContain("c");
        due.NextDue("b").ShouldBe(b.Value + TimeSpan.FromMinutes(5), "then its new interval");
        due.TakeDue(b.Value + TimeSpan.FromMinutes(10)).ShouldNotContain("c");
    }

    [Fact]
    public void A_cron_feed_is_due_at_its_fires_and_a_late_fire_is_skipped_for_the_next()
    {
        var due = new FeedDueTimes();
        due.Apply(Config(Remote("daily", cron: "0 0 6 * * ?")), Start);
        var six = new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero);

        due.NextDue("daily").ShouldBe(six);
        due.TakeDue(six + TimeSpan.FromSeconds(1)).ShouldBe(["daily"]);
        due.NextDue("daily").ShouldBe(six.AddDays(1));
        due.TakeDue(six.AddDays(1).AddHours(1)).ShouldBeEmpty("an hour late: that fire is skipped");
        due.NextDue("daily").ShouldBe(six.AddDays(2));
    }
}
