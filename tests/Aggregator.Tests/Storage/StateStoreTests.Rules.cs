namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    [Fact]
    public async Task Rule_matches_are_counted_once_per_new_item_with_the_time_of_the_last_one()
    {
        var store = await OpenAsync();
        // Two subscribers and two channels for one item count the item once per rule.
        var item1 = (Key: "item-1", Drafts: new[]
        {
            TestAlerts.Draft(TestAlerts.Make("ops", "item-1", ruleIds: ["troops", "border"])),
            TestAlerts.Draft(TestAlerts.Make("hook", "item-1", ruleIds: ["troops"]), Aggregator.Storage.DeliveryChannel.Webhook),
        });
        await store.CommitPollAsync(TestAlerts.Commit("f", item1), Ct);
        await store.CommitPollAsync(TestAlerts.Commit("f", item1), Ct); // the same item again: not new, not counted

        Time.Advance(TimeSpan.FromMinutes(3));
        await store.CommitPollAsync(TestAlerts.Commit("f", ("item-2", [TestAlerts.Draft(TestAlerts.Make("ops", "item-2", ruleIds: ["troops"]))])), Ct);

        var stats = (await store.ListRuleStatsAsync(Ct)).ToDictionary(s => s.RuleId);
        stats.Keys.Order().ShouldBe(["border", "troops"]);
        stats["troops"].Matches.ShouldBe(2);
        stats["border"].Matches.ShouldBe(1);
        stats["troops"].LastMatchAt.ShouldBe(Time.GetUtcNow());
        stats["border"].LastMatchAt.ShouldBe(TestAlerts.Start);
    }
}
