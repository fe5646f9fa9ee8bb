namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Fact]
    public async Task A_key_whose_item_is_still_in_the_feed_is_never_pruned_and_never_re_alerts()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("item-1", []), ("item-2", [])), Ct);

        for (var day = 0; day < 400; day += 50)
        {
            Time.Advance(TimeSpan.FromDays(50));
            (await store.PruneSeenAsync("world-news", ["item-1", "item-2"], Retention, Ct)).ShouldBe(0);
        }

        (await store.FindSeenAsync("world-news", ["item-1", "item-2"], Ct)).Count.ShouldBe(2);
        var alert = TestAlerts.Make("ops", "item-1");
        var again = TestAlerts.Commit("world-news", ("item-1", [TestAlerts.Draft(alert)]));
        (await store.CommitPollAsync(again, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_absent_from_every_parse_for_the_retention_window_is_pruned()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("kept", []), ("gone", []), ("back", [])), Ct);

        (await store.PruneSeenAsync("world-news", ["kept"], Retention, Ct)).ShouldBe(0);
        Time.Advance(TimeSpan.FromDays(20));
        // The item came back (a feed that briefly lost it): its absence starts again from zero.
        (await store.PruneSeenAsync("world-news", ["kept", "back"], Retention, Ct)).ShouldBe(0);
        Time.Advance(TimeSpan.FromDays(15));
        (await store.PruneSeenAsync("world-news", ["kept"], Retention, Ct)).ShouldBe(1);

        var seen = await store.FindSeenAsync("world-news", ["kept", "gone", "back"], Ct);
        seen.Order(StringComparer.Ordinal).ShouldBe(["back", "kept"]);
    }

    [Fact]
    public async Task Pruning_one_feed_leaves_the_other_feeds_keys_alone()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("a", [])), Ct);
        await store.CommitPollAsync(TestAlerts.Commit("local-news", ("b", [])), Ct);

        await store.PruneSeenAsync("world-news", [], Retention, Ct);
        Time.Advance(TimeSpan.FromDays(31));
        (await store.PruneSeenAsync("world-news", [], Retention, Ct)).ShouldBe(1);

        (await store.FindSeenAsync("local-news", ["b"], Ct)).ShouldHaveSingleItem().ShouldBe("b");
        (await store.FindSeenAsync("world-news", ["a"], Ct)).ShouldBeEmpty();
    }
}
