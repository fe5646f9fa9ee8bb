using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    /// <summary>Runs raw SQL against the database of the last <see cref="OpenAsync"/>, to damage it on purpose.</summary>
    internal abstract Task<int> ExecuteAsync(string sql);

    [Fact]
    public async Task An_unreadable_outbox_row_is_dead_lettered_instead_of_blocking_the_queue()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        (await ExecuteAsync("UPDATE outbox SET payload = '{not json' WHERE id = (SELECT MIN(id) FROM outbox)")).ShouldBe(1);

        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);

        claimed.ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("k2");
        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        counts.Dead.ShouldBe(1);
        counts.LastError!.ShouldStartWith("unreadable outbox row");
    }

    [Fact]
    public async Task A_digest_window_is_claimed_whole_whatever_the_limit()
    {
        var store = await OpenAsync();
        var windowEnd = TestAlerts.Start.AddMinutes(-1);
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("digest", "k1"), dueAt: windowEnd)]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"), dueAt: windowEnd)]),
            ("k3", [TestAlerts.Draft(TestAlerts.Make("digest", "k3"), dueAt: windowEnd), TestAlerts.Draft(TestAlerts.Make("digest", "k3"), DeliveryChannel.Webhook, windowEnd)]),
            ("k4", [TestAlerts.Draft(TestAlerts.Make("digest", "k4"), dueAt: windowEnd)]),
            ("k5", [TestAlerts.Draft(TestAlerts.Make("digest", "k5"), dueAt: TestAlerts.Start)])), Ct);

        // One group: the digest subscriber's email window, all three rows of it, and nothing else.
        var first = await store.ClaimDueAsync(Time.GetUtcNow(), 1, TimeSpan.FromMinutes(1), Ct);
        first.Select(m => m.Alert.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["k1", "k3", "k4"]);
        first.ShouldAllBe(m => m.Channel == DeliveryChannel.Email && m.DueAt == windowEnd);

        // Then the other groups of that due time (ops by email, the digest's webhook), then the later window.
        var second = await store.ClaimDueAsync(Time.GetUtcNow(), 2, TimeSpan.FromMinutes(1), Ct);
        second.Select(m => (m.Alert.Item.Key, m.Channel)).Order().ShouldBe([("k2", DeliveryChannel.Email), ("k3", DeliveryChannel.Webhook)]);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 1, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("k5");
    }

    [Fact]
    public async Task Pruning_deletes_only_old_finished_messages()
    {
        var store = await OpenAsync();
        var drafts = Enumerable.Range(1, 3).Select(i => ($"k{i}", new[] { TestAlerts.Draft(TestAlerts.Make("ops", $"k{i}")) })).ToArray();
        await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        await store.MarkSentAsync(claimed[0].Id, Time.GetUtcNow(), null, Ct);
        await store.DeadLetterAsync(claimed[1].Id, Time.GetUtcNow(), "gone", Ct);
        await store.RescheduleAsync(claimed[2].Id, Time.GetUtcNow(), "later", null, Ct);

        (await store.PruneOutboxAsync(Time.GetUtcNow(), Ct)).ShouldBe(0);
        (await store.PruneOutboxAsync(Time.GetUtcNow().AddMilliseconds(1), Ct)).ShouldBe(2);

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        (counts.Queued, counts.Sent, counts.Dead).ShouldBe((1, 0, 0));
        (await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Queued_notices_are_claimable_once_and_a_repeat_is_skipped()
    {
        var store = await OpenAsync();
        var notice = TestAlerts.Draft(TestAlerts.Make("ops", "feed-failing"));

        (await store.QueueAsync([notice, TestAlerts.Draft(TestAlerts.Make("ops", "feed-failing"), DeliveryChannel.Webhook)], Ct)).ShouldBe(2);
        (await OpenPeer().QueueAsync([notice], Ct)).ShouldBe(0);
        (await store.QueueAsync([], Ct)).ShouldBe(0);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Released_claims_are_due_again_at_once_but_finished_ones_stay_finished()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Ct);
        await store.MarkSentAsync(claimed[0].Id, Time.GetUtcNow(), null, Ct);

        await store.ReleaseAsync([.. claimed.Select(m => m.Id)], Ct);
        await store.ReleaseAsync([], Ct);

        var again = (await OpenPeer().ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(5), Ct)).ShouldHaveSingleItem();
        again.Id.ShouldBe(claimed[1].Id);
        again.Attempts.ShouldBe(2);
    }
}
