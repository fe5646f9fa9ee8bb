using Aggregator.Tests.Support;
using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using MimeKit;

namespace Aggregator.Tests.Delivery;

public sealed class DigestDeliveryTests
{
    [Fact]
    public async Task A_digest_subscribers_alerts_go_out_as_one_message_per_channel_at_the_window_end()
    {
        await using var receiver = new WebhookReceiver();
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition
        {
            Id = "digest",
            Email = ["ops@example.org"],
            Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] },
            Digest = hourly,
        };
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, subscriber));
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        due.ShouldBe(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var alerts = Enumerable.Range(1, 3).Select(i => TestAlerts.Make("digest", $"k{i}", title: $"Item {i}")).ToArray();
        await h.QueueAsync([.. alerts.SelectMany(a => new[] { TestAlerts.Draft(a, DeliveryChannel.Email, due), TestAlerts.Draft(a, DeliveryChannel.Webhook, due) })]);

        (await h.RunAsync()).ShouldBe(0);
        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(6);
        (await h.RunAsync()).ShouldBe(0);

        var file = Directory.GetFiles(h.MailDirectory).ShouldHaveSingleItem();
        var digestId = Path.GetFileNameWithoutExtension(file);
        digestId.ShouldStartWith("digest-");
        var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        mail.Subject.ShouldBe("[digest] 3 alerts");
        mail.MessageId.ShouldBe($"{digestId}@aggregator");
        foreach (var i in new[] { 1, 2, 3 }) mail.TextBody!.ShouldContain($"Item {i}", Case.Sensitive);

        var request = receiver.Requests.ShouldHaveSingleItem();
        request.SignatureValid.ShouldBeTrue();
        request.Id.ShouldBe($"msg_{digestId}");
        using var json = JsonDocument.Parse(request.Body);
        json.RootElement.GetProperty("type").GetString().ShouldBe("alert.digest");
        json.RootElement.GetProperty("timestamp").GetString().ShouldBe("2026-11-27T10:00:00Z");
        var data = json.RootElement.GetProperty("data");
        data.GetProperty("subscriber").GetString().ShouldBe("digest");
        data.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("alertId").GetString()).ShouldBe(alerts.Select(a => a.AlertId));
        (await h.CountsAsync("digest", DeliveryChannel.Email)).Sent.ShouldBe(3);
        (await h.CountsAsync("digest", DeliveryChannel.Webhook)).Sent.ShouldBe(3);
    }

    [Fact]
    public async Task A_window_with_more_alerts_than_a_pass_claims_is_still_one_digest()
    {
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition { Id = "digest", Email = ["ops@example.org"], Digest = hourly };
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, subscriber));
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        var count = h.Relay.BatchSize + 50;
        await h.QueueAsync([.. Enumerable.Range(1, count).Select(i => TestAlerts.Draft(TestAlerts.Make("digest", $"k{i}", title: $"Item {i}"), DeliveryChannel.Email, due))]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(count);

        var file = Directory.GetFiles(h.MailDirectory).ShouldHaveSingleItem();
        var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        mail.Subject.ShouldBe($"[digest] {count} alerts");
        (await h.CountsAsync("digest", DeliveryChannel.Email)).Sent.ShouldBe(count);
    }

    [Fact]
    public async Task A_retried_digest_keeps_its_id_and_the_end_of_its_window_as_timestamp()
    {
        await using var receiver = new WebhookReceiver();
        receiver.Script.Enqueue(new WebhookReceiver.Reply(503));
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition
        {
            Id = "digest",
            Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] },
            Digest = hourly,
        };
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, subscriber));
        // Queued as the planner does: found now, due at the end of the hour.
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        await h.QueueAsync([.. Enumerable.Range(1, 2).Select(i => TestAlerts.Draft(
            TestAlerts.Make("digest", $"k{i}", title: $"Item {i}") with { DiscoveredAt = h.Time.GetUtcNow() }, DeliveryChannel.Webhook, due))]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(2);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        (await h.RunAsync()).ShouldBe(2);

        var requests = receiver.Requests.ToArray();
        requests.Select(r => r.AnsweredWith).ShouldBe([503, 200]);
        requests.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        foreach (var request in requests)
        {
            using var json = JsonDocument.Parse(request.Body);
            json.RootElement.GetProperty("timestamp").GetString().ShouldBe("2026-11-27T10:00:00Z");
        }
    }

    [Fact]
    public async Task A_digest_too_large_for_a_webhook_goes_out_in_parts_and_only_an_alert_too_large_alone_is_dead()
    {
        const int limit = 16 * 1024;
        await using var receiver = new WebhookReceiver { MaxBodyBytes = limit };
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition
        {
            Id = "digest",
            Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] },
            Digest = hourly,
        };
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, subscriber));
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        var summary = string.Concat(Enumerable.Repeat("Troops massed at the border overnight, reports say. ", 20));
        var alerts = Enumerable.Range(1, 30).Select(i => TestAlerts.Make("digest", $"k{i}", title: $"Item {i}")).Select(a => a with { Item = a.Item with { Summary = summary } }).ToList();
        var huge = TestAlerts.Make("digest", "huge", title: "Huge item") is var h0 ? h0 with { Item = h0.Item with { Summary = new string('x', limit * 2) } } : null!;
        await h.QueueAsync([.. alerts.Append(huge).Select(a => TestAlerts.Draft(a, DeliveryChannel.Webhook, due))]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(31);

        var accepted = receiver.Requests.Where(r => r.AnsweredWith == 200).ToList();
        accepted.Count.ShouldBeGreaterThan(1);
        accepted.ShouldAllBe(r => r.SignatureValid && System.Text.Encoding.UTF8.GetByteCount(r.Body) <= limit);
        accepted.Select(r => r.Id).Distinct().Count().ShouldBe(accepted.Count, "each part is its own message");
        var titles = accepted.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("item").GetProperty("title").GetString())).ToList();
        titles.ShouldBe(alerts.Select(a => a.Item.Title), ignoreOrder: true);
        var counts = await h.CountsAsync("digest", DeliveryChannel.Webhook);
        (counts.Sent, counts.Dead, counts.Queued).ShouldBe((30, 1, 0));
        counts.LastError.ShouldNotBeNull().ShouldContain("413");
    }
}
