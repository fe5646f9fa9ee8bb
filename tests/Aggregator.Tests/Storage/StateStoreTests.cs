using Aggregator.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStateStore"/> owes the worker, run once per store (SQLite, PostgreSQL):
/// dedupe, atomic commits, leased claims, outbox states, disabled endpoints and status reads.
/// </summary>
public abstract partial class StateStoreTests
{
    protected FakeTimeProvider Time { get; } = new(TestAlerts.Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrated store on a fresh database.</summary>
    internal abstract Task<IStateStore> OpenAsync();

    /// <summary>A second store instance (own connections) on the database of the last <see cref="OpenAsync"/>, as another node would have.</summary>
    internal abstract IStateStore OpenPeer();

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);

        await store.MigrateAsync(Ct);
        await OpenPeer().MigrateAsync(Ct);

        (await store.FindSeenAsync("f", ["k"], Ct)).ShouldBe(["k"]);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_second_commit_of_the_same_keys_queues_nothing()
    {
        var store = await OpenAsync();
        var a = TestAlerts.Make("ops", "item-1");
        var b = TestAlerts.Make("hook", "item-1");
        var commit = TestAlerts.Commit("world-news",
            ("item-1", [TestAlerts.Draft(a), TestAlerts.Draft(b, DeliveryChannel.Webhook)]),
            ("item-2", []));

        (await store.CommitPollAsync(commit, Ct)).ShouldBe(2);
        (await store.CommitPollAsync(commit, Ct)).ShouldBe(0);

        (await store.FindSeenAsync("world-news", ["item-1", "item-2", "item-3"], Ct)).OrderBy(k => k).ShouldBe(["item-1", "item-2"]);
        (await store.FindSeenAsync("other-feed", ["item-1"], Ct)).ShouldBeEmpty();
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_key_listed_twice_in_one_commit_queues_the_first_items_alerts_once()
    {
        var store = await OpenAsync();
        var first = TestAlerts.Make("ops", "dup", title: "First copy");
        var second = TestAlerts.Make("ops", "dup", title: "Second copy");

        (await store.CommitPollAsync(TestAlerts.Commit("f", ("dup", [TestAlerts.Draft(first)]), ("dup", [TestAlerts.Draft(second)])), Ct)).ShouldBe(1);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.Item.Title.ShouldBe("First copy");
    }

    [Fact]
    public async Task Concurrent_commits_of_the_same_item_queue_its_alerts_once()
    {
        var first = await OpenAsync();
        var second = OpenPeer();
        var alert = TestAlerts.Make("ops", "race");
        var commit = TestAlerts.Commit("world-news", ("race", [TestAlerts.Draft(alert)]));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).CommitPollAsync(commit, Ct)));

        results.Sum().ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_commits_of_overlapping_keys_in_different_orders_all_complete_and_queue_each_once()
    {
        var first = await OpenAsync();
        var second = OpenPeer();
        var keys = Enumerable.Range(0, 30).Select(i => $"k{i:00}").ToArray();
        PollCommit CommitOf(IEnumerable<string> order) =>
            TestAlerts.Commit("f", [.. order.Select(k => (k, new[] { TestAlerts.Draft(TestAlerts.Make("ops", k)) }))]);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).CommitPollAsync(CommitOf(i % 3 == 0 ? keys : keys.Reverse()), Ct)));

        results.Sum().ShouldBe(keys.Length);
    }

    [Fact]
    public async Task The_outbox_payload_round_trips_the_alert()
    {
        var store = await OpenAsync();
        var alert = TestAlerts.Make("ops", "item-1", ruleIds: ["rule-a", "rule-b"]);
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("item-1", [TestAlerts.Draft(alert)])), Ct);

        var message = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();

        message.Channel.ShouldBe(DeliveryChannel.Email);
        message.Attempts.ShouldBe(1);
        message.CreatedAt.ShouldBe(TestAlerts.Start);
        message.DueAt.ShouldBe(TestAlerts.Start);
        message.Alert.AlertId.ShouldBe(alert.AlertId);
        (message.Alert.Item with { Authors = alert.Item.Authors, Categories = alert.Item.Categories }).ShouldBe(alert.Item);
        message.Alert.Item.Authors.ShouldBe(alert.Item.Authors);
        message.Alert.Item.Categories.ShouldBe(alert.Item.Categories);
        message.Alert.Feed.ShouldBe(alert.Feed);
        message.Alert.Rules.Select(r => r.RuleId).ShouldBe(["rule-a", "rule-b"]);
        message.Alert.Rules[1].Matches.ShouldBe(alert.Rules[1].Matches);
    }

    [Fact]
    public async Task A_claimed_but_unmarked_row_is_reclaimed_after_its_lease()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var lease = TimeSpan.FromMinutes(5);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, lease, Ct)).Count.ShouldBe(1);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, lease, Ct)).ShouldBeEmpty();
        Time.Advance(lease - TimeSpan.FromSeconds(1));
        (await OpenPeer().ClaimDueAsync(Time.GetUtcNow(), 10, lease, Ct)).ShouldBeEmpty();
        Time.Advance(TimeSpan.FromSeconds(1));

        var again = (await OpenPeer().ClaimDueAsync(Time.GetUtcNow(), 10, lease, Ct)).ShouldHaveSingleItem();
        again.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Two_concurrent_claimers_never_claim_the_same_row()
    {
        var store = await OpenAsync();
        var peer = OpenPeer();
        var items = Enumerable.Range(0, 120).Select(i => ($"k{i}", new[] { TestAlerts.Draft(TestAlerts.Make("ops", $"k{i}")) })).ToArray();
        await store.CommitPollAsync(TestAlerts.Commit("f", items), Ct);

        async Task<List<long>> DrainAsync(IStateStore claimer)
        {
            var ids = new List<long>();
            while (true)
            {
                var batch = await claimer.ClaimDueAsync(Time.GetUtcNow(), 7, TimeSpan.FromMinutes(5), Ct);
                if (batch.Count == 0) return ids;
                ids.AddRange(batch.Select(m => m.Id));
            }
        }
        var claims = await Task.WhenAll(DrainAsync(store), DrainAsync(peer), DrainAsync(store), DrainAsync(peer));

        var all = claims.SelectMany(c => c).ToList();
        all.Count.ShouldBe(items.Length);
        all.Distinct().Count().ShouldBe(items.Length, "no row is claimed twice");
    }
}
