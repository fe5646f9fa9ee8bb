using Aggregator.Tests.Support;
using System.Diagnostics;
using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Tests.Delivery;

public sealed class DeliveryInterruptionTests
{
    [Fact]
    public async Task A_pass_out_of_time_releases_its_claims_for_the_next_pass_without_counting_a_failure()
    {
        await using var receiver = new WebhookReceiver();
        var hold = new TaskCompletionSource();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(200, Hold: hold.Task));
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null,
            new Aggregator.Configuration.SubscriberDefinition
            {
                Id = "hook",
                Webhook = new Aggregator.Configuration.WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] },
            }));
        var first = TestAlerts.Make("hook", "k1");
        await h.QueueAsync(TestAlerts.Draft(first, DeliveryChannel.Webhook), TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook));

        // A budget shorter than the attempt timeout, so the cut comes from the pass, not from the attempt.
        using var relay = new DeliveryRelay(h.Store, h.Store.Choices, h.Services.GetServices<IDeliveryChannel>(), h.Services.GetRequiredService<ActiveConfig>(),
            h.Time, NullLogger<DeliveryRelay>.Instance,
            h.Services.GetRequiredService<Aggregator.Observability.AggregatorMetrics>()) { PassBudget = TimeSpan.FromSeconds(10) };
        var pass = relay.RunOnceAsync(TestContext.Current.CancellationToken);
        var waited = Stopwatch.StartNew();
        while (receiver.Requests.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20, TestContext.Current.CancellationToken);
        receiver.Requests.Count.ShouldBe(1);
        h.Time.Advance(relay.PassBudget);
        (await pass).ShouldBe(2);
        hold.SetResult();

        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Queued, counts.Failed, counts.Sent).ShouldBe((2, 0, 0));
        // Still inside the original lease: only the release makes the rows claimable again.
        (await h.RunAsync()).ShouldBe(2);
        (await h.CountsAsync("hook", DeliveryChannel.Webhook)).Sent.ShouldBe(2);
        receiver.Requests.Count(r => r.Id == $"msg_{first.AlertId}").ShouldBe(2);
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
    }
}
