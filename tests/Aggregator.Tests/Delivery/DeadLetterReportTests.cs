using Aggregator.Tests.Support;
using Aggregator.Configuration;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using MimeKit;

namespace Aggregator.Tests.Delivery;

public sealed class DeadLetterReportTests
{
    private static AggregatorConfig WithOperators(AggregatorConfig config, params string[] operators) =>
        config with { Settings = config.Settings with { Alerts = new AlertOptions { Operators = operators } } };

    [Fact]
    public async Task Operators_get_one_notice_listing_the_pass_dead_letters()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(410));
        await using var h = await DeliveryHarness.CreateAsync(x => WithOperators(DeliveryHarness.MakeConfig(x.Pickup(), null,
            new SubscriberDefinition { Id = "ops-team", Email = ["ops@example.org"] },
            new SubscriberDefinition { Id = "hook", Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] } }),
            "ops-team", "not-configured"));
        await h.QueueAsync(
            TestAlerts.Draft(TestAlerts.Make("hook", "k1", title: "First item"), DeliveryChannel.Webhook),
            TestAlerts.Draft(TestAlerts.Make("hook", "k2", title: "Second item"), DeliveryChannel.Webhook));

        await h.RunAsync();
        await h.RunAsync();
        await h.RunAsync();

        var file = Directory.GetFiles(h.MailDirectory).ShouldHaveSingleItem();
        var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        mail.Subject.ShouldBe("[delivery-failed] 2 deliveries dead-lettered");
        mail.To.Mailboxes.Single().Address.ShouldBe("ops@example.org");
        mail.TextBody!.ShouldContain("hook by webhook: \"First item\"", Case.Sensitive);
        mail.TextBody!.ShouldContain("410 Gone", Case.Sensitive);
        (await h.CountsAsync("ops-team", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_notice_that_cannot_be_delivered_causes_no_further_notice()
    {
        await using var receiver = new WebhookReceiver();
        for (var i = 0; i < 10; i++) receiver.Script.Enqueue(new WebhookReceiver.Reply(410));
        var target = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] };
        await using var h = await DeliveryHarness.CreateAsync(x => WithOperators(DeliveryHarness.MakeConfig(x.Pickup(), null,
            new SubscriberDefinition { Id = "op", Webhook = target },
            new SubscriberDefinition { Id = "hook", Webhook = target }), "op"));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        for (var i = 0; i < 5; i++) await h.RunAsync();

        receiver.Requests.Count.ShouldBe(2);
        (await h.CountsAsync("op", DeliveryChannel.Webhook)).Dead.ShouldBe(1);
        (await h.Store.CountDeliveriesAsync(TestContext.Current.CancellationToken)).Sum(c => c.Queued).ShouldBe(0);
    }
}
