using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Delivery;

/// <summary>Webhook URLs are untrusted input: the worker's webhook client refuses private addresses like the fetcher does.</summary>
public sealed class WebhookNetworkGuardTests
{
    [Fact]
    public async Task A_webhook_to_a_loopback_address_is_refused_by_default_and_nothing_reaches_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var receiver = new WebhookReceiver();
        dir.Write("config/feed.xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>Troops at the border</title><guid>1</guid></item></channel></rss>");
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(receiver), ct, allowLoopback: false);

        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(1);
        (await harness.Services.GetRequiredService<DeliveryRelay>().RunOnceAsync(ct)).ShouldBe(1);

        receiver.Requests.ShouldBeEmpty();
        var counts = (await harness.Store.CountDeliveriesAsync(ct)).ShouldHaveSingleItem();
        counts.Sent.ShouldBe(0);
        counts.Queued.ShouldBe(1, "a refused attempt is retried later, not lost");
        counts.LastError.ShouldNotBeNull().ShouldContain("refused: 127.0.0.1 is a loopback address");
    }

    [Fact]
    public async Task A_reload_that_tightens_the_network_policy_refuses_the_next_webhook()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var receiver = new WebhookReceiver();
        const string First = "<item><title>Troops at the border</title><guid>1</guid></item>";
        dir.Write("config/feed.xml", $"<rss version=\"2.0\"><channel><title>t</title>{First}</channel></rss>");
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(receiver), ct);
        var relay = harness.Services.GetRequiredService<DeliveryRelay>();
        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(1);
        await relay.RunOnceAsync(ct);
        receiver.Requests.Count.ShouldBe(1, "loopback is allowed at first");

        var active = harness.Services.GetRequiredService<ActiveConfig>();
        var config = active.Current.Config;
        active.Swap(ConfigSnapshot.Create(config with { Settings = config.Settings with { Network = new NetworkOptions() } }));
        dir.Write("config/feed.xml", $"<rss version=\"2.0\"><channel><title>t</title>{First}<item><title>More troops</title><guid>2</guid></item></channel></rss>");
        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(1);
        await relay.RunOnceAsync(ct);

        receiver.Requests.Count.ShouldBe(1, "the reloaded policy refuses loopback, pooled connection or not");
        var counts = (await harness.Store.CountDeliveriesAsync(ct)).ShouldHaveSingleItem();
        counts.Sent.ShouldBe(1);
        counts.Queued.ShouldBe(1, "a refused attempt is retried later, not lost");
        counts.LastError.ShouldNotBeNull().ShouldContain("refused: 127.0.0.1 is a loopback address");
    }

    /// <summary>
    /// Every way the product builds a webhook client: the worker's composition, the delivery services alone, and
    /// the client a reload builds. None connects: the guard refuses the address before a socket is opened.
    /// </summary>
    [Theory]
    [InlineData("http://10.0.0.1/hook", "refused: 10.0.0.1 is")]
    [InlineData("http://169.254.169.254/latest/meta-data", "refused: 169.254.169.254 is")]
    public async Task A_webhook_to_a_private_address_is_refused_through_every_client_the_product_builds(string url, string refusal)
    {
        var ct = TestContext.Current.CancellationToken;
        var hook = new SubscriberDefinition { Id = "hook", Webhook = new WebhookTarget { Url = new Uri(url), Secrets = [WebhookReceiver.Secret] } };

        using (var dir = new TempDirectory())
        {
            dir.Write("config/feed.xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>Troops at the border</title><guid>1</guid></item></channel></rss>");
            await using var worker = await PipelineHarness.CreateAsync(dir, Config(new Uri(url)), ct);
            (await worker.Poller.PollAsync("desk", ct)).Queued.ShouldBe(1);
            await worker.Services.GetRequiredService<DeliveryRelay>().RunOnceAsync(ct);
            (await worker.Store.CountDeliveriesAsync(ct)).ShouldHaveSingleItem().LastError.ShouldNotBeNull().ShouldContain(refusal);
        }

        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, hook));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));
        await h.RunAsync();
        (await h.CountsAsync("hook", DeliveryChannel.Webhook)).LastError.ShouldNotBeNull().ShouldContain(refusal);

        // A reload that changes the policy (here: no exception at all) builds a new client, guarded like the first.
        h.Config = h.Config with { Settings = h.Config.Settings with { Network = new NetworkOptions() } };
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook));
        await h.RunAsync();
        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Sent, counts.Queued).ShouldBe((0, 2));
        counts.LastError.ShouldNotBeNull().ShouldContain(refusal);
    }

    private static string Config(WebhookReceiver receiver) => Config(receiver.Url);

    private static string Config(Uri url) => $"""
        feeds:
          - id: desk
            url: feed.xml
            firstPoll: notify
        rules:
          - id: troops
            query: troops
            notify: [hook]
        subscribers:
          - id: hook
            webhook:
              url: "{url}"
              secret: {WebhookReceiver.Secret}
        """;
}
