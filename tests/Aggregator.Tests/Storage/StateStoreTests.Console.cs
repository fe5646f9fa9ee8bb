using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The delivery history the operator console reads.</summary>
public abstract partial class StateStoreTests
{
    [Fact]
    public async Task The_delivery_history_filters_by_subscriber_rule_status_and_time_and_pages_by_id()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1", ruleIds: ["rule-a"]))])), Ct);
        Time.Advance(TimeSpan.FromMinutes(10));
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2", ruleIds: ["rule-b"]))]),
            ("k3", [TestAlerts.Draft(TestAlerts.Make("hook", "k3", ruleIds: ["rule-a", "rule-b"]), DeliveryChannel.Webhook)]),
            ("k4", [TestAlerts.Draft(TestAlerts.Make("ops", "k4", ruleIds: ["rule-c"]))])), Ct);
        var claimed = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ToDictionary(m => m.Alert.Item.Key, m => m.Id);
        await store.MarkSentAsync(claimed["k1"], Time.GetUtcNow(), null, Ct);
        await store.RescheduleAsync(claimed["k2"], Time.GetUtcNow().AddMinutes(5), "451 try later", ["b@example.org"], Ct);
        await store.DeadLetterAsync(claimed["k3"], Time.GetUtcNow(), "410 Gone", Ct);
        await store.ReleaseAsync([claimed["k4"]], Ct);
        async Task<string[]> KeysAsync(DeliveryQuery query) =>
            [.. (await store.ListDeliveriesAsync(query, Ct)).Select(d => d.Alert!.Item.Key)];

        (await KeysAsync(new DeliveryQuery(10))).ShouldBe(["k4", "k3", "k2", "k1"], "newest first");
        (await KeysAsync(new DeliveryQuery(10, SubscriberId: "ops"))).ShouldBe(["k4", "k2", "k1"]);
        (await KeysAsync(new DeliveryQuery(10, RuleId: "rule-a"))).ShouldBe(["k3", "k1"]);
        (await KeysAsync(new DeliveryQuery(10, SubscriberId: "ops", RuleId: "rule-b"))).ShouldBe(["k2"]);
        (await KeysAsync(new DeliveryQuery(10, RuleId: "rule"))).ShouldBeEmpty("a rule id matches whole");
        (await KeysAsync(new DeliveryQuery(10, Status: DeliveryStatus.Sent))).ShouldBe(["k1"]);
        (await KeysAsync(new DeliveryQuery(10, Status: DeliveryStatus.Retrying))).ShouldBe(["k2"]);
        (await KeysAsync(new DeliveryQuery(10, Status: DeliveryStatus.Dead))).ShouldBe(["k3"]);
        (await KeysAsync(new DeliveryQuery(10, Status: DeliveryStatus.Queued))).ShouldBe(["k4"]);
        (await KeysAsync(new DeliveryQuery(10, From: TestAlerts.Start.AddMinutes(10)))).ShouldBe(["k4", "k3", "k2"]);
        (await KeysAsync(new DeliveryQuery(10, To: TestAlerts.Start.AddMinutes(10)))).ShouldBe(["k1"]);

        var page = await store.ListDeliveriesAsync(new DeliveryQuery(2), Ct);
        page.Select(d => d.Alert!.Item.Key).ShouldBe(["k4", "k3"]);
        (await KeysAsync(new DeliveryQuery(2, BeforeId: page[^1].Id))).ShouldBe(["k2", "k1"]);
        (await KeysAsync(new DeliveryQuery(2, SubscriberId: "ops", BeforeId: page[0].Id))).ShouldBe(["k2", "k1"]);

        var retrying = (await OpenPeer().GetMessageAsync(claimed["k2"], Ct)).ShouldNotBeNull();
        retrying.ShouldBe(retrying with
        {
            SubscriberId = "ops",
            Channel = DeliveryChannel.Email,
            Status = DeliveryStatus.Retrying,
            Attempts = 1,
            CreatedAt = TestAlerts.Start.AddMinutes(10),
            DueAt = TestAlerts.Start.AddMinutes(15),
            SentAt = null,
            DeadAt = null,
            LastError = "451 try later",
        });
        retrying.PendingRecipients.ShouldBe(["b@example.org"]);
        retrying.Alert!.AlertId.ShouldBe(TestAlerts.Make("ops", "k2").AlertId);
        var dead = (await store.GetMessageAsync(claimed["k3"], Ct)).ShouldNotBeNull();
        (dead.Status, dead.Channel, dead.DeadAt, dead.LastError).ShouldBe((DeliveryStatus.Dead, DeliveryChannel.Webhook, TestAlerts.Start.AddMinutes(10), "410 Gone"));
        (await store.GetMessageAsync(claimed["k1"], Ct))!.SentAt.ShouldBe(TestAlerts.Start.AddMinutes(10));
        (await store.GetMessageAsync(9999, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_row_whose_payload_cannot_be_read_is_listed_without_its_alert()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]), ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        (await ExecuteAsync("UPDATE outbox SET payload = '{not json' WHERE id = (SELECT MIN(id) FROM outbox)")).ShouldBe(1);

        var history = await store.ListDeliveriesAsync(new DeliveryQuery(10), Ct);

        history.Select(d => d.Alert?.Item.Key).ShouldBe(["k2", null]);
        history[1].SubscriberId.ShouldBe("ops");
    }

    [Fact]
    public async Task Migrating_a_database_without_the_poll_log_keeps_its_outbox_and_fills_rule_ids()
    {
        var store = await OpenAtVersionAsync(VersionWithoutPollLog);
        await InsertOutboxRowAsOfVersion1Async(TestAlerts.Make("ops", "old", ruleIds: ["rule-a", "rule-b"]));
        await InsertOutboxRowAsOfVersion1Async(TestAlerts.Make("ann", "broken"));
        (await ExecuteAsync("UPDATE outbox SET payload = '{not json' WHERE subscriber_id = 'ann'")).ShouldBe(1);

        await store.MigrateAsync(Ct);

        (await store.ListDeliveriesAsync(new DeliveryQuery(10, RuleId: "rule-b"), Ct)).ShouldHaveSingleItem().Alert!.Item.Key.ShouldBe("old");
        (await store.ListDeliveriesAsync(new DeliveryQuery(10), Ct)).Count.ShouldBe(2, "a payload that is not JSON does not stop the upgrade");
        await store.CommitPollAsync(Polled("f", PollOutcome.NotModified, 304), Ct);
        (await store.ListPollsAsync("f", 10, Ct)).ShouldHaveSingleItem().HttpStatus.ShouldBe(304);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.ShouldHaveSingleItem().Alert.Rules.Select(r => r.RuleId).ShouldBe(["rule-a", "rule-b"]);
    }
}
