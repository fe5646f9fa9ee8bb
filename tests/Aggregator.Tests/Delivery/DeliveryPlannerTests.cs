using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Tests.Storage;

namespace Aggregator.Tests.Delivery;

public sealed class DeliveryPlannerTests
{
    [Fact]
    public void An_alert_is_queued_on_each_channel_the_subscriber_has_at_its_digest_window_end()
    {
        DigestSchedule.TryParse("daily 08:00", out var daily, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition
        {
            Id = "ops",
            Email = ["ops@example.org"],
            Webhook = new WebhookTarget { Url = new Uri("https://hooks.example.org/x") },
            Digest = daily,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"),
        };
        var alert = TestAlerts.Make("ops", "k1");

        var drafts = DeliveryPlanner.Drafts(alert, subscriber, TestAlerts.Start);

        drafts.Select(d => d.Channel).ShouldBe([DeliveryChannel.Email, DeliveryChannel.Webhook]);
        drafts.ShouldAllBe(d => d.DueAt == new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero));
        DeliveryPlanner.Drafts(alert, subscriber with { Webhook = null, Digest = DigestSchedule.Immediate }, TestAlerts.Start)
            .ShouldHaveSingleItem().DueAt.ShouldBe(TestAlerts.Start);
    }
}
