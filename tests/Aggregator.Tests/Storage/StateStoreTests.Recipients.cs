using Aggregator.Core.Alerts;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    /// <summary>The schema version before <c>outbox.pending_recipients</c> existed.</summary>
    protected const int VersionWithoutPendingRecipients = 3;

    /// <summary>A store on a fresh database holding only the first <paramref name="version"/> schema scripts, as an older release left it.</summary>
    internal abstract Task<IStateStore> OpenAtVersionAsync(int version);

    /// <summary>Queues <paramref name="alert"/> by email with plain SQL, as the first release wrote outbox rows (later columns left to migrations).</summary>
    internal abstract Task InsertOutboxRowAsOfVersion1Async(Alert alert);

    [Fact]
    public async Task Pending_recipients_round_trip_and_survive_a_plain_reschedule()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var first = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        first.PendingRecipients.ShouldBeNull();

        await store.RescheduleAsync(first.Id, Time.GetUtcNow(), "recipients refused: b@example.org (451 busy)", ["b@example.org", "c@example.org"], Ct);
        var second = (await OpenPeer().ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        second.PendingRecipients.ShouldBe(["b@example.org", "c@example.org"]);

        await store.RescheduleAsync(second.Id, Time.GetUtcNow(), "cannot connect", null, Ct);
        var third = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        third.PendingRecipients.ShouldBe(["b@example.org", "c@example.org"]);
        third.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task Status_counts_list_the_addresses_still_to_reach_of_pending_rows_only()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))]),
            ("k3", [TestAlerts.Draft(TestAlerts.Make("ops", "k3"))])), Ct);
        (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem().WaitingFor.ShouldBeEmpty();
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);

        await store.RescheduleAsync(claimed[0].Id, Time.GetUtcNow(), "451", ["c@example.org", "b@example.org"], Ct);
        await store.RescheduleAsync(claimed[1].Id, Time.GetUtcNow(), "451", ["b@example.org"], Ct);
        await store.RescheduleAsync(claimed[2].Id, Time.GetUtcNow(), "451", ["d@example.org"], Ct);
        await store.MarkSentAsync(claimed[2].Id, Time.GetUtcNow(), null, Ct);

        (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem().WaitingFor.ShouldBe(["b@example.org", "c@example.org"]);
    }

    [Fact]
    public async Task Narrowing_a_finished_row_changes_nothing()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var claimed = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        await store.MarkSentAsync(claimed.Id, Time.GetUtcNow(), null, Ct);

        await store.RescheduleAsync(claimed.Id, Time.GetUtcNow(), "late", ["b@example.org"], Ct);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem().Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_sent_row_keeps_its_note_as_the_last_error()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var claimed = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();

        await store.MarkSentAsync(claimed.Id, Time.GetUtcNow(), "recipients refused: gone@example.org (550 no such user)", Ct);

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        (counts.Sent, counts.Queued, counts.Failed).ShouldBe((1, 0, 0));
        counts.LastError.ShouldBe("recipients refused: gone@example.org (550 no such user)");
    }

    [Fact]
    public async Task Unreadable_pending_recipients_dead_letter_the_row_instead_of_blocking_the_queue()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        (await ExecuteAsync("UPDATE outbox SET pending_recipients = '[\"b@example.org\"'")).ShouldBe(1);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        (counts.Dead, counts.Queued).ShouldBe((1, 0));
        counts.LastError!.ShouldStartWith("unreadable outbox row");
    }

    [Fact]
    public async Task Migrating_an_older_database_adds_pending_recipients_and_keeps_its_queued_rows()
    {
        var store = await OpenAtVersionAsync(VersionWithoutPendingRecipients);
        await InsertOutboxRowAsOfVersion1Async(TestAlerts.Make("ops", "k"));

        await store.MigrateAsync(Ct);

        var old = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        old.Alert.Item.Key.ShouldBe("k");
        old.PendingRecipients.ShouldBeNull();
        await store.RescheduleAsync(old.Id, Time.GetUtcNow(), "451", ["b@example.org"], Ct);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().PendingRecipients.ShouldBe(["b@example.org"]);
    }
}
