using Aggregator.Tests.Support;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aggregator.Commands;
using Aggregator.Status;
using Aggregator.Configuration;
using Aggregator.Storage;
using Aggregator.Tests.Storage;

namespace Aggregator.Tests.Delivery;

public sealed class WebhookDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SubscriberDefinition Hook(WebhookReceiver receiver, string id = "hook", params string[] secrets) =>
        new() { Id = id, Webhook = new WebhookTarget { Url = receiver.Url, Secrets = secrets.Length == 0 ? [WebhookReceiver.Secret] : secrets } };

    private static Task<DeliveryHarness> Harness(WebhookReceiver receiver, DeliveryOptions? delivery = null, params SubscriberDefinition[] subscribers) =>
        DeliveryHarness.CreateAsync(h => DeliveryHarness.MakeConfig(h.Pickup(), delivery, subscribers.Length == 0 ? [Hook(receiver)] : subscribers));

    [Fact]
    public async Task An_alert_is_posted_once_signed_with_every_secret()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await Harness(receiver, null, Hook(receiver, "hook", WebhookReceiver.OtherSecret, WebhookReceiver.Secret));
        var alert = TestAlerts.Make("hook", "k1", ruleIds: ["rule-a", "rule-b"]);
        await h.QueueAsync(TestAlerts.Draft(alert, DeliveryChannel.Webhook));

        await h.RunAsync();
        await h.RunAsync();

        var request = receiver.Requests.ShouldHaveSingleItem();
        request.SignatureValid.ShouldBeTrue();
        request.Signature!.Split(' ').Length.ShouldBe(2);
        request.Id.ShouldBe($"msg_{alert.AlertId}");
        request.Timestamp.ShouldBe(h.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty("type").GetString().ShouldBe("alert.matched");
        var data = json.RootElement.GetProperty("data");
        data.GetProperty("alertId").GetString().ShouldBe(alert.AlertId);
        data.GetProperty("rule").GetProperty("id").GetString().ShouldBe("rule-a");
        data.GetProperty("rules").GetArrayLength().ShouldBe(2);
        (await h.CountsAsync("hook", DeliveryChannel.Webhook)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_500_is_retried_with_the_same_id_and_a_fresh_timestamp()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(500));
        await using var h = await Harness(receiver);
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        await h.RunAsync();
        (await h.CountsAsync("hook", DeliveryChannel.Webhook)).Failed.ShouldBe(1);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        var requests = receiver.Requests.ToArray();
        requests.Select(r => r.AnsweredWith).ShouldBe([500, 200]);
        requests.ShouldAllBe(r => r.SignatureValid);
        requests[1].Id.ShouldBe(requests[0].Id);
        requests[1].Timestamp.ShouldNotBe(requests[0].Timestamp);
        (await h.CountsAsync("hook", DeliveryChannel.Webhook)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task A_503_with_retry_after_is_retried_no_sooner_than_asked()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(503, RetryAfter: "120"));
        await using var h = await Harness(receiver);
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromSeconds(119));
        (await h.RunAsync()).ShouldBe(0);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await h.RunAsync()).ShouldBe(1);

        receiver.Requests.Select(r => r.AnsweredWith).ShouldBe([503, 200]);
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_never_followed()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(302, Location: new Uri(receiver.BaseUrl, "elsewhere").AbsoluteUri));
        await using var h = await Harness(receiver);
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        await h.RunAsync();

        receiver.Requests.ShouldHaveSingleItem().Path.ShouldBe("/hook");
        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Sent, counts.Failed).ShouldBe((0, 1));
        counts.LastError!.ShouldContain("302");
    }

    [Fact]
    public async Task Credentials_in_the_url_are_sent_as_basic_authentication_beside_the_signature_and_status_shows_them_redacted()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(302, Location: "http://mallory:planted@elsewhere.example/"));
        receiver.Script.Enqueue(new WebhookReceiver.Reply(410));
        var url = new Uri($"http://hookuser:p%40ss@{receiver.Url.Authority}{receiver.Url.PathAndQuery}");
        await using var h = await Harness(receiver, null, new SubscriberDefinition { Id = "hook", Webhook = new WebhookTarget { Url = url, Secrets = [WebhookReceiver.Secret] } });
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        await h.RunAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        var requests = receiver.Requests.ToArray();
        requests.Select(r => r.AnsweredWith).ShouldBe([302, 410]);
        requests.ShouldAllBe(r => r.SignatureValid && r.Path == "/hook");
        requests.ShouldAllBe(r => r.Authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hookuser:p@ss")));
        var report = await StatusReport.ReadAsync(h.Config, h.Store, h.Time.GetUtcNow(), Ct);
        using var text = new StringWriter();
        StatusText.Write(report, text);
        var json = JsonSerializer.Serialize(report, CommandJson.Options);
        text.ToString().ShouldContain($"disabled webhook http://hookuser:***@{receiver.Url.Authority}/hook");
        foreach (var shown in new[] { text.ToString(), json })
        {
            shown.ShouldNotContain("p@ss");
            shown.ShouldNotContain("p%40ss");
            shown.ShouldNotContain("planted");
        }
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_and_dead_letters_its_queue()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(410));
        await using var h = await Harness(receiver);
        await h.QueueAsync(
            TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook),
            TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook));

        await h.RunAsync();
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k3"), DeliveryChannel.Webhook));
        await h.RunAsync();

        receiver.Requests.ShouldHaveSingleItem();
        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Sent, counts.Queued, counts.Dead).ShouldBe((0, 0, 3));
        (await h.Store.ListDisabledEndpointsAsync(Ct)).ShouldHaveSingleItem().Target.ShouldBe(receiver.Url.AbsoluteUri);
    }

    [Fact]
    public async Task Failures_back_off_and_are_dead_lettered_after_max_age()
    {
        await using var receiver = new WebhookReceiver();
        for (var i = 0; i < 50; i++) receiver.Script.Enqueue(new WebhookReceiver.Reply(500));
        var delivery = new DeliveryOptions { RetryInitial = TimeSpan.FromSeconds(30), RetryMax = TimeSpan.FromMinutes(2), MaxAge = TimeSpan.FromMinutes(10) };
        await using var h = await Harness(receiver, delivery);
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook));

        (await h.RunAsync()).ShouldBe(1);
        h.Time.Advance(TimeSpan.FromSeconds(23));
        (await h.RunAsync()).ShouldBe(0);
        h.Time.Advance(TimeSpan.FromSeconds(14));
        (await h.RunAsync()).ShouldBe(1);
        h.Time.Advance(TimeSpan.FromSeconds(47));
        (await h.RunAsync()).ShouldBe(0);
        for (var i = 0; i < 20; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(30));
            await h.RunAsync();
        }

        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Queued, counts.Dead).ShouldBe((0, 1));
        counts.LastError!.ShouldStartWith("not delivered within 10m: HTTP 500");
        receiver.Requests.Count.ShouldBeInRange(6, 10);
    }

    [Fact]
    public async Task A_subscriber_removed_from_config_is_dead_lettered()
    {
        await using var receiver = new WebhookReceiver();
        await using var h = await Harness(receiver);
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ghost", "k1"), DeliveryChannel.Webhook));

        await h.RunAsync();

        receiver.Requests.ShouldBeEmpty();
        var counts = await h.CountsAsync("ghost", DeliveryChannel.Webhook);
        counts.Dead.ShouldBe(1);
        counts.LastError.ShouldBe("subscriber removed");
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_is_tried_once_per_batch()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var accepted = 0;
        var hangUp = Task.Run(async () =>
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync(Ct);
                Interlocked.Increment(ref accepted);
            }
        }, Ct);
        var url = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/hook");
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null,
            new SubscriberDefinition { Id = "hook", Webhook = new WebhookTarget { Url = url, Secrets = [WebhookReceiver.Secret] } }));
        await h.QueueAsync(
            TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook),
            TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook),
            TestAlerts.Draft(TestAlerts.Make("hook", "k3"), DeliveryChannel.Webhook));

        (await h.RunAsync()).ShouldBe(3);

        Volatile.Read(ref accepted).ShouldBe(1);
        var counts = await h.CountsAsync("hook", DeliveryChannel.Webhook);
        (counts.Queued, counts.Failed).ShouldBe((3, 3));
        counts.LastError!.ShouldStartWith("request to 127.0.0.1 failed");
        listener.Stop();
    }
}
