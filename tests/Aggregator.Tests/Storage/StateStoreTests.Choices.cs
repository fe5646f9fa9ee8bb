using Aggregator.Core.Alerts;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    [Fact]
    public async Task A_subscriber_without_choices_reads_as_none_and_is_not_listed()
    {
        var store = await OpenAsync();

        var choices = await store.Choices.GetChoicesAsync("ops", Ct);

        choices.SubscriberId.ShouldBe("ops");
        choices.IsEmpty.ShouldBeTrue();
        (await store.Choices.ListChoicesAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_kind_of_choice_reads_back_and_each_change_is_idempotent()
    {
        var store = await OpenAsync();
        DigestSchedule.TryParse("daily 08:00", out var daily, out _).ShouldBeTrue();
        var until = TestAlerts.Start.AddDays(7);

        await store.Choices.UnsubscribeAsync("ops", "A@Example.org", "troops", Ct);
        await store.Choices.UnsubscribeAsync("ops", "a@example.org", "troops", Ct);
        await store.Choices.UnsubscribeAsync("ops", null, null, Ct);
        await store.Choices.PauseAsync("ops", until, Ct);
        await store.Choices.SetDigestAsync("ops", daily, Ct);
        await store.Choices.RuleOffAsync("ops", "floods", Ct);
        await store.Choices.RuleOffAsync("ops", "floods", Ct);
        await store.Choices.MuteAsync("ops", "troops", MuteKind.Word, " Drill ", Ct);
        await store.Choices.MuteAsync("ops", null, MuteKind.Link, "https://news.example.org/a", Ct);
        await store.Choices.RuleOffAsync("desk", "troops", Ct);

        var ops = await OpenPeer().Choices.GetChoicesAsync("ops", Ct);
        ops.Unsubscriptions.Select(u => (u.Address, u.RuleId)).OrderBy(u => u.Address).ShouldBe([(null, null), ("a@example.org", "troops")]);
        ops.Unsubscriptions.ShouldAllBe(u => u.At == TestAlerts.Start);
        ops.PausedUntil.ShouldBe(until);
        ops.Digest.ShouldBe("daily 08:00");
        ops.DigestOverride.ShouldBe(daily);
        ops.RulesOff.ShouldBe(["floods"]);
        ops.Mutes.Select(m => (m.RuleId, m.Kind, m.Value)).OrderBy(m => m.Kind)
            .ShouldBe([(null, MuteKind.Link, "https://news.example.org/a"), ("troops", MuteKind.Word, "drill")]);
        (await store.Choices.ListChoicesAsync(Ct)).Select(c => c.SubscriberId).ShouldBe(["desk", "ops"]);
    }

    [Fact]
    public async Task Undoing_each_choice_removes_exactly_it()
    {
        var store = await OpenAsync();
        await store.Choices.UnsubscribeAsync("ops", "a@example.org", "troops", Ct);
        await store.Choices.UnsubscribeAsync("ops", "a@example.org", null, Ct);
        await store.Choices.PauseAsync("ops", TestAlerts.Start.AddDays(1), Ct);
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        await store.Choices.SetDigestAsync("ops", hourly, Ct);
        await store.Choices.RuleOffAsync("ops", "floods", Ct);
        await store.Choices.MuteAsync("ops", "troops", MuteKind.Word, "drill", Ct);

        (await store.Choices.ResubscribeAsync("ops", "A@example.org", "troops", Ct)).ShouldBeTrue();
        (await store.Choices.ResubscribeAsync("ops", "a@example.org", "troops", Ct)).ShouldBeFalse();
        (await store.Choices.UnpauseAsync("ops", Ct)).ShouldBeTrue();
        (await store.Choices.ClearDigestAsync("ops", Ct)).ShouldBeTrue();
        (await store.Choices.RuleOnAsync("ops", "floods", Ct)).ShouldBeTrue();
        (await store.Choices.UnmuteAsync("ops", "troops", MuteKind.Word, "DRILL", Ct)).ShouldBeTrue();

        var ops = await store.Choices.GetChoicesAsync("ops", Ct);
        ops.Unsubscriptions.ShouldHaveSingleItem().RuleId.ShouldBeNull();
        (ops.PausedUntil, ops.Digest, ops.RulesOff.Count, ops.Mutes.Count).ShouldBe((null, null, 0, 0));
    }

    [Fact]
    public async Task A_pause_survives_reopening_the_store_and_a_new_pause_replaces_it()
    {
        await OpenAsync();
        await OpenPeer().Choices.PauseAsync("ops", TestAlerts.Start.AddDays(1), Ct);

        var reopened = OpenPeer();
        await reopened.MigrateAsync(Ct);
        (await reopened.Choices.GetChoicesAsync("ops", Ct)).PausedUntil.ShouldBe(TestAlerts.Start.AddDays(1));

        await reopened.Choices.PauseAsync("ops", TestAlerts.Start.AddDays(3), Ct);
        (await OpenPeer().Choices.GetChoicesAsync("ops", Ct)).PausedUntil.ShouldBe(TestAlerts.Start.AddDays(3));
    }

    [Fact]
    public async Task Not_relevant_counts_once_per_subscriber_alert_and_rule()
    {
        var store = await OpenAsync();

        (await store.Choices.MarkNotRelevantAsync("ops", "alert-1", "troops", Ct)).ShouldBeTrue();
        (await store.Choices.MarkNotRelevantAsync("ops", "alert-1", "troops", Ct)).ShouldBeFalse();
        (await store.Choices.MarkNotRelevantAsync("ops", "alert-1", "floods", Ct)).ShouldBeTrue();
        (await store.Choices.MarkNotRelevantAsync("desk", "alert-1", "troops", Ct)).ShouldBeTrue();
        (await store.Choices.MarkNotRelevantAsync("ops", "alert-2", "troops", Ct)).ShouldBeTrue();

        (await store.Choices.NotRelevantCountsAsync(Ct)).ShouldBe([new NotRelevantCount("floods", 1), new NotRelevantCount("troops", 3)]);
        (await store.Choices.ListChoicesAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_operator_lifts_one_kind_of_choice_or_all_and_feedback_stays()
    {
        var store = await OpenAsync();
        await store.Choices.UnsubscribeAsync("ops", null, "troops", Ct);
        await store.Choices.PauseAsync("ops", TestAlerts.Start.AddDays(1), Ct);
        await store.Choices.RuleOffAsync("ops", "floods", Ct);
        await store.Choices.MuteAsync("ops", null, MuteKind.Word, "drill", Ct);
        await store.Choices.RuleOffAsync("desk", "floods", Ct);
        await store.Choices.MarkNotRelevantAsync("ops", "alert-1", "troops", Ct);

        (await store.Choices.LiftChoicesAsync("ops", ChoiceKind.Pause, Ct)).ShouldBe(1);
        var ops = await store.Choices.GetChoicesAsync("ops", Ct);
        ops.PausedUntil.ShouldBeNull();
        ops.RulesOff.ShouldBe(["floods"]);

        (await store.Choices.LiftChoicesAsync("ops", null, Ct)).ShouldBe(3);
        (await store.Choices.GetChoicesAsync("ops", Ct)).IsEmpty.ShouldBeTrue();
        (await store.Choices.GetChoicesAsync("desk", Ct)).RulesOff.ShouldBe(["floods"]);
        (await store.Choices.NotRelevantCountsAsync(Ct)).ShouldHaveSingleItem().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_suppressed_message_is_never_claimed_again_and_counts_and_lists_as_suppressed()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);

        await store.SuppressAsync(claimed[0].Id, Time.GetUtcNow(), "unsubscribed", Ct);
        await store.MarkSentAsync(claimed[1].Id, Time.GetUtcNow(), null, Ct);
        Time.Advance(TimeSpan.FromMinutes(5));

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        (counts.Queued, counts.Sent, counts.Dead, counts.Suppressed).ShouldBe((0, 1, 0, 1));
        var suppressed = (await store.ListDeliveriesAsync(new DeliveryQuery(10, Status: DeliveryStatus.Suppressed), Ct)).ShouldHaveSingleItem();
        suppressed.Id.ShouldBe(claimed[0].Id);
        suppressed.Status.ShouldBe(DeliveryStatus.Suppressed);
        suppressed.LastError.ShouldBe("unsubscribed");
        (await store.ListDeliveriesAsync(new DeliveryQuery(10, Status: DeliveryStatus.Sent), Ct)).ShouldHaveSingleItem().Id.ShouldBe(claimed[1].Id);
        (await store.ListDeliveriesAsync(new DeliveryQuery(10, Status: DeliveryStatus.Queued), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Suppressing_a_message_already_sent_changes_nothing()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var claimed = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        await store.MarkSentAsync(claimed.Id, Time.GetUtcNow(), null, Ct);

        await store.SuppressAsync(claimed.Id, Time.GetUtcNow(), "unsubscribed", Ct);

        (await store.GetMessageAsync(claimed.Id, Ct))!.Status.ShouldBe(DeliveryStatus.Sent);
    }
}
