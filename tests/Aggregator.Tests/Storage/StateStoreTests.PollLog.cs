using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The poll log the operator console reads: each feed's last polls, and a strip of every feed's recent outcomes.</summary>
public abstract partial class StateStoreTests
{
    /// <summary>The schema version before <c>poll_log</c> and <c>outbox.rule_ids</c> existed.</summary>
    protected const int VersionWithoutPollLog = 5;

    private PollCommit Polled(string feedId, PollOutcome outcome, int? status = 200, string? error = null, string? finalUrl = null,
        params (string Key, OutboxDraft[] Drafts)[] items) =>
        TestAlerts.Commit(feedId, items) with
        {
            Log = new PollLogEntry(feedId, Time.GetUtcNow(), outcome, status, status == 200 ? 1234 : null,
                TimeSpan.FromMilliseconds(87), items.Length, error, finalUrl),
        };

    [Fact]
    public async Task Each_poll_leaves_a_log_entry_and_a_feed_keeps_only_its_last_50()
    {
        var store = await OpenAsync();
        var outcomes = new[] { PollOutcome.Parsed, PollOutcome.NotModified, PollOutcome.Unchanged, PollOutcome.Failed, PollOutcome.Throttled };
        for (var poll = 0; poll < 55; poll++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            var outcome = outcomes[poll % outcomes.Length];
            await store.CommitPollAsync(Polled("f", outcome, outcome == PollOutcome.Failed ? 503 : 200, outcome == PollOutcome.Failed ? $"HTTP 503 at poll {poll}" : null), Ct);
        }
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.CommitPollAsync(Polled("g", PollOutcome.Parsed, items: ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.CommitPollAsync(Polled("g", PollOutcome.Gone, 410, "410 Gone\0", "https://moved.example.org/feed"), Ct);

        var f = await OpenPeer().ListPollsAsync("f", 100, Ct);
        f.Count.ShouldBe(50);
        f[0].PolledAt.ShouldBe(TestAlerts.Start.AddMinutes(55), "newest first");
        f[^1].PolledAt.ShouldBe(TestAlerts.Start.AddMinutes(6), "the five oldest are pruned");
        f.Select(e => e.PolledAt).ShouldBeInOrder(SortDirection.Descending);
        f.Single(e => e.PolledAt == TestAlerts.Start.AddMinutes(54)).ShouldBe(new PollLogEntry(
            "f", TestAlerts.Start.AddMinutes(54), PollOutcome.Failed, 503, null, TimeSpan.FromMilliseconds(87), 0, "HTTP 503 at poll 53", null));
        (await store.ListPollsAsync("f", 3, Ct)).Select(e => e.Outcome).ShouldBe([PollOutcome.Throttled, PollOutcome.Failed, PollOutcome.Unchanged]);

        var g = await store.ListPollsAsync("g", 10, Ct);
        g.ShouldBe(
        [
            new PollLogEntry("g", TestAlerts.Start.AddMinutes(57), PollOutcome.Gone, 410, null, TimeSpan.FromMilliseconds(87), 0, "410 Gone\uFFFD", "https://moved.example.org/feed"),
            new PollLogEntry("g", TestAlerts.Start.AddMinutes(56), PollOutcome.Parsed, 200, 1234, TimeSpan.FromMilliseconds(87), 1, null, null),
        ]);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem("the commit that logged the poll queued its alert");
        (await store.ListPollsAsync("never-polled", 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_recent_polls_strip_reads_every_feed_at_once_newest_first()
    {
        var store = await OpenAsync();
        var feeds = Enumerable.Range(0, 120).Select(i => $"feed-{i:000}").ToList();
        for (var round = 0; round < 3; round++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            foreach (var feed in feeds)
            {
                var failed = round == 2 && feed.EndsWith('7');
                await store.CommitPollAsync(Polled(feed, failed ? PollOutcome.Failed : PollOutcome.NotModified, failed ? 500 : 304), Ct);
            }
        }

        var strip = await OpenPeer().ListRecentPollsAsync(feeds, 2, Ct);

        strip.Keys.Order(StringComparer.Ordinal).ShouldBe(feeds);
        strip.Values.ShouldAllBe(polls => polls.Count == 2);
        strip["feed-007"].ShouldBe(
        [
            new RecentPoll(TestAlerts.Start.AddMinutes(3), PollOutcome.Failed, 500, 0),
            new RecentPoll(TestAlerts.Start.AddMinutes(2), PollOutcome.NotModified, 304, 0),
        ]);
        strip["feed-008"][0].ShouldBe(new RecentPoll(TestAlerts.Start.AddMinutes(3), PollOutcome.NotModified, 304, 0));
        (await store.ListRecentPollsAsync(["feed-000"], 50, Ct)).ShouldHaveSingleItem().Value.Count.ShouldBe(3);
        (await store.ListRecentPollsAsync(["feed-000", "feed-001", "never-polled"], 50, Ct)).Keys.Order(StringComparer.Ordinal).ToList()
            .ShouldBe(["feed-000", "feed-001"], "only the feeds asked for, and only those ever polled");
    }
}
