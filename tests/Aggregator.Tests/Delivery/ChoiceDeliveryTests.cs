using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Delivery;

/// <summary>Subscriber choices made while messages wait in the outbox, honoured by the relay on a real SMTP server.</summary>
public sealed class ChoiceDeliveryTests
{
    private const string A = "a@example.org";
    private const string B = "b@example.org";
    private const string C = "c@example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unsubscribe_after_queueing_stops_only_that_rule_for_that_address()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            new SubscriberDefinition { Id = "ops", Email = [A, B] },
            new SubscriberDefinition { Id = "solo", Email = [C] }));
        var troops = TestAlerts.Make("ops", "k1", title: "Troops", ruleIds: ["troops"]);
        var floods = TestAlerts.Make("ops", "k2", title: "Floods", ruleIds: ["floods"]);
        var solo = TestAlerts.Make("solo", "k3", title: "Solo", ruleIds: ["troops"]);
        await h.QueueAsync(TestAlerts.Draft(troops), TestAlerts.Draft(floods), TestAlerts.Draft(solo));

        await h.Store.Choices.UnsubscribeAsync("ops", A, "troops", Ct);
        await h.Store.Choices.UnsubscribeAsync("solo", null, "troops", Ct);
        (await h.RunAsync()).ShouldBe(3);

        var received = smtp.Messages.ToDictionary(m => m.Message.Subject ?? string.Empty, m => m.Recipients);
        received.Count.ShouldBe(2);
        received.Single(m => m.Key.Contains("Troops", StringComparison.Ordinal)).Value.ShouldBe([B]);
        received.Single(m => m.Key.Contains("Floods", StringComparison.Ordinal)).Value.ShouldBe([A, B]);
        smtp.RecipientAttempts.Keys.ShouldNotContain(C);
        var ops = await h.CountsAsync("ops", DeliveryChannel.Email);
        (ops.Sent, ops.Suppressed).ShouldBe((2, 0));
        var soloCounts = await h.CountsAsync("solo", DeliveryChannel.Email);
        (soloCounts.Queued, soloCounts.Sent, soloCounts.Dead, soloCounts.Suppressed).ShouldBe((0, 0, 0, 1));
        var record = (await h.Store.ListDeliveriesAsync(new DeliveryQuery(10, Status: DeliveryStatus.Suppressed), Ct)).ShouldHaveSingleItem();
        record.SubscriberId.ShouldBe("solo");
        record.LastError.ShouldBe("unsubscribed");

        h.Time.Advance(TimeSpan.FromHours(1));
        (await h.RunAsync()).ShouldBe(0);
        smtp.Messages.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_unsubscribed_address_is_dropped_from_a_message_still_waiting_for_it()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        smtp.Refuse(C, 451, times: 1);
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            new SubscriberDefinition { Id = "ops", Email = [A, B, C] }));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));
        await h.RunAsync();
        (await h.CountsAsync("ops", DeliveryChannel.Email)).WaitingFor.ShouldBe([B, C]);

        await h.Store.Choices.UnsubscribeAsync("ops", B, null, Ct);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.Select(m => m.Recipients).ShouldBe([[A], [C]]);
        smtp.Messages.Last().Message.To.Mailboxes.Select(m => m.Address).ShouldBe([A, C]);
        smtp.RecipientAttempts[B].ShouldBe(1);
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_pause_set_through_another_store_instance_holds_after_reopening_and_ends_at_its_date()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            new SubscriberDefinition { Id = "ops", Email = [A] }));
        var until = h.Time.GetUtcNow().AddDays(1);
        using (var before = new SqliteStateStore($"Data Source={h.Store.DataSource}", h.Time))
        {
            await before.MigrateAsync(Ct);
            await before.Choices.PauseAsync("ops", until, Ct);
        }
        using var reopened = new SqliteStateStore($"Data Source={h.Store.DataSource}", h.Time);
        await reopened.MigrateAsync(Ct);
        (await reopened.Choices.GetChoicesAsync("ops", Ct)).PausedUntil.ShouldBe(until);

        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "during")));
        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "after", title: "After the pause")));
        await h.RunAsync();

        (smtp.Messages.ShouldHaveSingleItem().Message.Subject ?? string.Empty).ShouldContain("After the pause");
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Suppressed).ShouldBe((1, 1));
        (await h.Store.ListDeliveriesAsync(new DeliveryQuery(10, Status: DeliveryStatus.Suppressed), Ct))
            .ShouldHaveSingleItem().LastError.ShouldBe($"paused until {until:O}");
    }

    [Fact]
    public async Task A_chosen_digest_cadence_holds_alerts_to_its_window_and_sends_them_as_one_digest()
    {
        await using var smtp = new SmtpTestServer();
        var subscriber = new SubscriberDefinition { Id = "ops", Email = [A] };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, subscriber));
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        await h.Store.Choices.SetDigestAsync("ops", hourly, Ct);

        var choices = await h.Store.Choices.GetChoicesAsync("ops", Ct);
        var now = h.Time.GetUtcNow();
        var drafts = Enumerable.Range(1, 2).SelectMany(i => DeliveryPlanner.Drafts(TestAlerts.Make("ops", $"k{i}", title: $"Item {i}"), subscriber, choices, now)).ToArray();
        drafts.ShouldAllBe(d => d.DueAt == new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        await h.QueueAsync(drafts);

        (await h.RunAsync()).ShouldBe(0);
        h.Time.Advance(drafts[0].DueAt - now);
        (await h.RunAsync()).ShouldBe(2);

        smtp.Messages.ShouldHaveSingleItem().Message.Subject.ShouldBe("[digest] 2 alerts");
    }

    [Fact]
    public async Task A_cadence_chosen_after_queueing_turns_waiting_immediate_alerts_into_one_digest()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            new SubscriberDefinition { Id = "ops", Email = [A] }));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")), TestAlerts.Draft(TestAlerts.Make("ops", "k2")));
        DigestSchedule.TryParse("daily 08:00", out var daily, out _).ShouldBeTrue();
        await h.Store.Choices.SetDigestAsync("ops", daily, Ct);

        (await h.RunAsync()).ShouldBe(2);

        smtp.Messages.ShouldHaveSingleItem().Message.Subject.ShouldBe("[digest] 2 alerts");
    }

    [Fact]
    public void Planning_skips_a_channel_the_subscriber_stopped_and_keeps_the_rules_still_counting()
    {
        var subscriber = new SubscriberDefinition { Id = "ops", Email = [A] };
        var alert = TestAlerts.Make("ops", "k", ruleIds: ["troops", "floods"]);
        var now = TestAlerts.Start;

        var floodsOff = new SubscriberChoices("ops", [], null, null, ["floods"], []);
        DeliveryPlanner.Drafts(alert, subscriber, floodsOff, now).ShouldHaveSingleItem().Alert.Rules.Select(r => r.RuleId).ShouldBe(["troops"]);
        var paused = new SubscriberChoices("ops", [], now.AddHours(1), null, [], []);
        DeliveryPlanner.Drafts(alert, subscriber, paused, now).ShouldBeEmpty();
    }
}
