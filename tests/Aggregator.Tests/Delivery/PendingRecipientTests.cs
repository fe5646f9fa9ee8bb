using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Delivery;

/// <summary>A message that still awaits some of its recipients: in a digest, after a config edit, with an address listed twice.</summary>
public sealed class PendingRecipientTests
{
    private const string A = "a@example.org";
    private const string B = "b@example.org";

    [Fact]
    public async Task A_digest_refused_for_one_address_is_resent_whole_to_that_address_alone_with_its_message_id()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition { Id = "digest", Email = [A, B], Digest = hourly };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, subscriber));
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        await h.QueueAsync([.. Enumerable.Range(1, 3).Select(i => TestAlerts.Draft(TestAlerts.Make("digest", $"k{i}", title: $"Item {i}"), DeliveryChannel.Email, due))]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(3);
        (await h.CountsAsync("digest", DeliveryChannel.Email)).Queued.ShouldBe(3);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        (await h.RunAsync()).ShouldBe(3);

        var received = smtp.Messages.ToArray();
        received.Select(r => r.Recipients).ShouldBe([[A], [B]]);
        received[1].Message.MessageId.ShouldBe(received[0].Message.MessageId);
        received[1].Message.Subject.ShouldBe("[digest] 3 alerts");
        (await h.CountsAsync("digest", DeliveryChannel.Email)).Sent.ShouldBe(3);
    }

    [Fact]
    public async Task An_address_removed_from_the_subscriber_while_pending_is_not_mailed_and_the_row_is_dead_lettered_naming_it()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(B, 451, times: 1);
        var ops = new SubscriberDefinition { Id = "ops", Email = [A, B] };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, ops));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        h.Config = h.Config with { Subscribers = [ops with { Email = [A, "new@example.org"] }] };
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        smtp.RecipientAttempts.Keys.ShouldNotContain("new@example.org");
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Queued, counts.Dead).ShouldBe((0, 1));
        counts.LastError!.ShouldContain($"never delivered to {B}");
    }

    [Fact]
    public async Task An_address_listed_twice_and_refused_for_now_is_retried_rather_than_lost()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Refuse(A, 451, times: 1);
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            new SubscriberDefinition { Id = "ops", Email = [A, A.ToUpperInvariant()] }));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Queued.ShouldBe(1);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe([A]);
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }
}
