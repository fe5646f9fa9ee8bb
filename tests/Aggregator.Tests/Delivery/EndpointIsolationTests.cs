using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Observability;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Tests.Delivery;

/// <summary>One slow endpoint holds up its own messages only: the other endpoints of the same pass are sent and settled meanwhile.</summary>
public sealed class EndpointIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SubscriberDefinition Hook(string id, WebhookReceiver receiver) =>
        new() { Id = id, Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] } };

    [Fact]
    public async Task A_webhook_endpoint_that_never_answers_holds_up_no_other_subscriber_in_the_same_pass()
    {
        await using var slow = new WebhookReceiver();
        await using var fast = new WebhookReceiver();
        await using var smtp = new SmtpTestServer();
        var hold = new TaskCompletionSource();
        slow.Script.Enqueue(new WebhookReceiver.Reply(200, Hold: hold.Task));
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            Hook("slow", slow), Hook("fast", fast), new SubscriberDefinition { Id = "desk", Email = ["desk@example.org"] }));
        // Queued first, so the endpoint that never answers comes first in the pass.
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("slow", "k1"), DeliveryChannel.Webhook));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("fast", "k2"), DeliveryChannel.Webhook), TestAlerts.Draft(TestAlerts.Make("desk", "k2")));

        var pass = h.RunAsync();
        try
        {
            // The clock is fake: the slow request's deadline never comes, only the test lets it answer.
            (await SettledAsync(h, ("fast", DeliveryChannel.Webhook), ("desk", DeliveryChannel.Email))).ShouldBeTrue("the other subscribers were held up");
            fast.Requests.ShouldHaveSingleItem().SignatureValid.ShouldBeTrue();
            smtp.Messages.ShouldHaveSingleItem();
            slow.Requests.ShouldHaveSingleItem();
            pass.IsCompleted.ShouldBeFalse();
            (await h.CountsAsync("slow", DeliveryChannel.Webhook)).Sent.ShouldBe(0);
        }
        finally
        {
            hold.TrySetResult();
        }
        (await pass).ShouldBe(3);
        (await h.CountsAsync("slow", DeliveryChannel.Webhook)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task Endpoints_beyond_the_parallel_limit_wait_for_a_free_lane_and_are_all_sent()
    {
        var receivers = Enumerable.Range(0, 5).Select(_ => new WebhookReceiver()).ToList();
        try
        {
            await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null,
                [.. receivers.Select((r, i) => Hook($"hook-{i}", r))]));
            foreach (var i in Enumerable.Range(0, receivers.Count))
                await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make($"hook-{i}", $"k{i}"), DeliveryChannel.Webhook));
            using var relay = new DeliveryRelay(h.Store, h.Store.Choices, h.Services.GetServices<IDeliveryChannel>(),
                h.Services.GetRequiredService<ActiveConfig>(),
                h.Time, NullLogger<DeliveryRelay>.Instance,
                h.Services.GetRequiredService<AggregatorMetrics>()) { Parallelism = 2 };

            (await relay.RunOnceAsync(Ct)).ShouldBe(receivers.Count);

            receivers.ShouldAllBe(r => r.Requests.Count == 1);
            foreach (var i in Enumerable.Range(0, receivers.Count))
                (await h.CountsAsync($"hook-{i}", DeliveryChannel.Webhook)).Sent.ShouldBe(1);
        }
        finally
        {
            foreach (var receiver in receivers) await receiver.DisposeAsync();
        }
    }

    /// <summary>Whether every listed subscriber's channel has its message marked sent within a generous bound.</summary>
    private static async Task<bool> SettledAsync(DeliveryHarness h, params (string Subscriber, DeliveryChannel Channel)[] targets)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var counts = await h.Store.CountDeliveriesAsync(Ct);
            if (targets.All(t => counts.Any(c => c.SubscriberId == t.Subscriber && c.Channel == t.Channel && c.Sent == 1))) return true;
            await Task.Delay(50, Ct);
        }
        return false;
    }
}
