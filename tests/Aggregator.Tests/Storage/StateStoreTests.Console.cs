using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The delivery history the operator console reads, and its replay of dead letters.</summary>
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
    public async Task A_replayed_dead_letter_is_claimable_again_with_its_alert_id_and_pending_recipients()
    {
        var store = await OpenAsync();
        var alert = TestAlerts.Make("ops", "k");
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(alert)])), Ct);
        var first = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        await store.RescheduleAsync(first.Id, Time.GetUtcNow(), "451 mailbox busy", ["b@example.org"], Ct);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        await store.DeadLetterAsync(first.Id, Time.GetUtcNow(), "gave up after 2 attempts", Ct);
        Time.Advance(TimeSpan.FromHours(3));
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty("a dead letter is not claimed");

        var result = await OpenPeer().ReplayAsync(first.Id, Ct);

        result.ShouldBe(new ReplayResult(1, []), ReplayComparer);
        var queued = (await store.GetMessageAsync(first.Id, Ct)).ShouldNotBeNull();
        (queued.Status, queued.Attempts, queued.DueAt, queued.DeadAt, queued.LastError).ShouldBe((DeliveryStatus.Queued, 0, Time.GetUtcNow(), null, null));
        var again = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        again.Id.ShouldBe(first.Id);
        again.Alert.AlertId.ShouldBe(alert.AlertId, "the resend carries the same Message-Id / webhook-id");
        again.Attempts.ShouldBe(1);
        again.PendingRecipients.ShouldBe(["b@example.org"]);
    }

    [Fact]
    public async Task Replay_refuses_a_message_that_is_not_dead_or_whose_endpoint_is_disabled_and_says_why()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook)]),
            ("k3", [TestAlerts.Draft(TestAlerts.Make("ops", "k3"))]),
            ("k4", [TestAlerts.Draft(TestAlerts.Make("hook", "k4"))])), Ct);
        var ids = (await store.ListDeliveriesAsync(new DeliveryQuery(10), Ct)).ToDictionary(d => d.Alert!.Item.Key, d => d.Id);
        await store.DeadLetterAsync(ids["k1"], Time.GetUtcNow(), "gave up", Ct);
        Time.Advance(TimeSpan.FromHours(1));
        var since = Time.GetUtcNow();
        await store.DeadLetterAsync(ids["k4"], Time.GetUtcNow(), "gave up", Ct);
        (await store.DisableEndpointAsync(new DisabledEndpoint("hook", DeliveryChannel.Webhook, "https://hooks.example.org/x", Time.GetUtcNow(), "410 Gone"), Ct)).ShouldBe(1);

        (await store.ReplayAsync(ids["k3"], Ct)).ShouldBe(new ReplayResult(0, [new ReplayRefusal(ids["k3"], ReplayRefusalReason.NotDead)]), ReplayComparer);
        (await store.ReplayAsync(ids["k2"], Ct)).ShouldBe(new ReplayResult(0, [new ReplayRefusal(ids["k2"], ReplayRefusalReason.EndpointDisabled)]), ReplayComparer);
        (await store.ReplayAsync(9999, Ct)).ShouldBe(new ReplayResult(0, [new ReplayRefusal(9999, ReplayRefusalReason.NotFound)]), ReplayComparer);
        (await store.GetMessageAsync(ids["k2"], Ct))!.Status.ShouldBe(DeliveryStatus.Dead);
        (await store.GetMessageAsync(ids["k3"], Ct))!.Status.ShouldBe(DeliveryStatus.Queued);

        (await store.ReplayDeadAsync(since, "ops", null, Ct)).Replayed.ShouldBe(0, "k1 died before since, k4 is hook's");
        (await store.ReplayDeadAsync(since, null, DeliveryChannel.Email, Ct)).ShouldBe(new ReplayResult(1, []), ReplayComparer);
        (await store.GetMessageAsync(ids["k4"], Ct))!.Status.ShouldBe(DeliveryStatus.Queued, "hook's email channel is not the disabled one");
        (await store.ReplayDeadAsync(since, null, null, Ct)).ShouldBe(new ReplayResult(0, [new ReplayRefusal(ids["k2"], ReplayRefusalReason.EndpointDisabled)]), ReplayComparer);
        (await store.ReplayDeadAsync(TestAlerts.Start, "ops", DeliveryChannel.Email, Ct)).ShouldBe(new ReplayResult(1, []), ReplayComparer);
        (await store.GetMessageAsync(ids["k1"], Ct))!.Status.ShouldBe(DeliveryStatus.Queued);
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

    /// <summary>Records with lists compare their lists by reference; this compares them by content.</summary>
    private static readonly IEqualityComparer<ReplayResult> ReplayComparer = EqualityComparer<ReplayResult>.Create(
        (a, b) => a!.Replayed == b!.Replayed && a.Refused.SequenceEqual(b.Refused), r => r.Replayed);
}
