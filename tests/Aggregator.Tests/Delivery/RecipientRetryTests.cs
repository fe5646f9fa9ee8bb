using Aggregator.Configuration;
using Aggregator.Status;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Delivery;

/// <summary>A subscriber with several addresses when the SMTP server refuses some of them, for now or for good.</summary>
public sealed class RecipientRetryTests
{
    private const string A = "a@example.org";
    private const string B = "b@example.org";

    private static SubscriberDefinition Ops(params string[] email) => new() { Id = "ops", Email = email };

    private static async Task<DeliveryHarness> HarnessAsync(SmtpTestServer smtp, DeliveryOptions? delivery = null, params SubscriberDefinition[] subscribers) =>
        await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), delivery, subscribers));

    [Fact]
    public async Task A_recipient_refused_for_now_gets_the_same_message_later_and_the_other_gets_it_once()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        await using var h = await HarnessAsync(smtp, null, Ops(A, B));
        var alert = TestAlerts.Make("ops", "k1");
        await h.QueueAsync(TestAlerts.Draft(alert));

        (await h.RunAsync()).ShouldBe(1);

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        var waiting = await h.CountsAsync("ops", DeliveryChannel.Email);
        (waiting.Queued, waiting.Failed, waiting.Sent).ShouldBe((1, 1, 0));
        waiting.LastError!.ShouldContain($"{B} (451");
        waiting.WaitingFor.ShouldBe([B]);
        var status = new StringWriter();
        StatusText.Write(await StatusReport.ReadAsync(h.Config, h.Store, h.Time.GetUtcNow(), TestContext.Current.CancellationToken), status);
        status.ToString().ShouldContain($"retrying for {B}", Case.Sensitive, "status tells the operator who has not got it yet");
        (await h.RunAsync()).ShouldBe(0);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        (await h.RunAsync()).ShouldBe(1);
        (await h.RunAsync()).ShouldBe(0);

        var received = smtp.Messages.ToArray();
        received.Length.ShouldBe(2);
        received[1].Recipients.ShouldBe([B]);
        received.Select(r => r.Message.MessageId).ShouldAllBe(id => id == $"{alert.AlertId}@aggregator");
        received[1].Message.To.Mailboxes.Select(m => m.Address).ShouldBe([A, B], "the resend is the same message; only the envelope is narrowed");
        smtp.RecipientAttempts[A].ShouldBe(1);
        var done = await h.CountsAsync("ops", DeliveryChannel.Email);
        (done.Queued, done.Sent, done.Dead).ShouldBe((0, 1, 0));
        done.WaitingFor.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_links_each_address_gets_its_own_message_and_one_refused_for_now_is_retried_alone_with_its_own_id()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.WithLinks(DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, Ops(A, B))));
        var alert = TestAlerts.Make("ops", "k1");
        await h.QueueAsync(TestAlerts.Draft(alert));

        (await h.RunAsync()).ShouldBe(1);
        var first = smtp.Messages.ShouldHaveSingleItem();
        first.Recipients.ShouldBe([A]);
        first.Message.To.Mailboxes.Select(m => m.Address).ShouldBe([A], "each address's copy names that address alone");
        var waiting = await h.CountsAsync("ops", DeliveryChannel.Email);
        (waiting.Queued, waiting.Sent).ShouldBe((1, 0));
        waiting.WaitingFor.ShouldBe([B]);

        h.Time.Advance(TimeSpan.FromMinutes(1));
        (await h.RunAsync()).ShouldBe(1);
        (await h.RunAsync()).ShouldBe(0);

        var received = smtp.Messages.ToArray();
        received.Length.ShouldBe(2, "A got its copy once");
        received[1].Recipients.ShouldBe([B]);
        received[1].Message.To.Mailboxes.Select(m => m.Address).ShouldBe([B]);
        received[0].Message.MessageId.ShouldStartWith($"{alert.AlertId}.");
        received[1].Message.MessageId.ShouldStartWith($"{alert.AlertId}.");
        received[0].Message.MessageId.ShouldNotBe(received[1].Message.MessageId);
        received[0].Message.Headers["List-Unsubscribe"].ShouldNotBe(received[1].Message.Headers["List-Unsubscribe"]);
        var done = await h.CountsAsync("ops", DeliveryChannel.Email);
        (done.Queued, done.Sent, done.Dead).ShouldBe((0, 1, 0));
    }

    [Fact]
    public async Task With_links_a_copy_refused_for_good_leaves_the_other_address_delivered_once()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 550);
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.WithLinks(DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, Ops(A, B))));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromHours(2));
        (await h.RunAsync()).ShouldBe(0);

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        smtp.RecipientAttempts[B].ShouldBe(1);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Queued, counts.Dead).ShouldBe((1, 0, 0));
        counts.LastError!.ShouldContain($"{B} (550");
    }

    [Fact]
    public async Task A_recipient_refused_for_good_is_not_retried_and_the_refusal_is_recorded()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 550);
        await using var h = await HarnessAsync(smtp, null, Ops(A, B));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromHours(2));
        (await h.RunAsync()).ShouldBe(0);

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        smtp.RecipientAttempts[B].ShouldBe(1);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Queued, counts.Dead).ShouldBe((1, 0, 0));
        counts.LastError!.ShouldStartWith($"recipients refused: {B} (550 scripted refusal of {B}");
    }

    [Fact]
    public async Task Every_recipient_refused_for_now_retries_the_whole_message()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(A, 452, times: 1);
        smtp.Refuse(B, 450, times: 1);
        await using var h = await HarnessAsync(smtp, null, Ops(A, B));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();

        smtp.Messages.ShouldBeEmpty();
        var waiting = await h.CountsAsync("ops", DeliveryChannel.Email);
        (waiting.Queued, waiting.Failed).ShouldBe((1, 1));
        waiting.LastError!.ShouldContain("452");
        waiting.LastError!.ShouldContain("450");

        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A, B]);
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task With_nobody_accepted_the_recipient_refused_for_now_is_retried_alone()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(A, 451, times: 1);
        smtp.Refuse(B, 550);
        await using var h = await HarnessAsync(smtp, null, Ops(A, B));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Queued.ShouldBe(1, "a final refusal of one must not drop the other");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        smtp.RecipientAttempts[B].ShouldBe(1);
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_remaining_recipient_refused_for_good_on_the_retry_dead_letters_the_row_naming_it()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        await using var h = await HarnessAsync(smtp, null, Ops(A, B));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        smtp.Refuse(B, 550);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Queued, counts.Sent, counts.Dead).ShouldBe((0, 0, 1));
        counts.LastError!.ShouldContain($"never delivered to {B}");
    }

    [Fact]
    public async Task A_recipient_still_refused_at_max_age_is_dead_lettered_and_operators_are_told_who_missed_it()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451);
        var delivery = new DeliveryOptions { RetryInitial = TimeSpan.FromSeconds(30), RetryMax = TimeSpan.FromMinutes(1), MaxAge = TimeSpan.FromMinutes(5) };
        await using var h = await DeliveryHarness.CreateAsync(_ =>
        {
            var config = DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), delivery,
                Ops(A, B), new SubscriberDefinition { Id = "ops-team", Email = ["desk@example.org"] });
            return config with { Settings = config.Settings with { Alerts = new AlertOptions { Operators = ["ops-team"] } } };
        });
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1", title: "Border closed")));

        for (var i = 0; i < 12; i++)
        {
            await h.RunAsync();
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var dead = await h.CountsAsync("ops", DeliveryChannel.Email);
        (dead.Queued, dead.Sent, dead.Dead).ShouldBe((0, 0, 1));
        dead.LastError!.ShouldStartWith("not delivered within 5m");
        dead.LastError!.ShouldContain($"never delivered to {B}");
        var received = smtp.Messages.ToArray();
        received.Count(r => r.Recipients.Contains(A)).ShouldBe(1);
        var notice = received.Single(r => r.Recipients.SequenceEqual(["desk@example.org"])).Message;
        notice.Subject.ShouldBe("[delivery-failed] Delivery to ops by email dead-lettered");
        notice.TextBody!.ShouldContain("\"Border closed\"", Case.Sensitive);
        notice.TextBody!.ShouldContain($"never delivered to {B}", Case.Sensitive);
    }
}
