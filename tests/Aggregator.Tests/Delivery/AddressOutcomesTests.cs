using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Delivery.Email;
using Aggregator.Tests.Storage;

namespace Aggregator.Tests.Delivery;

/// <summary>What becomes of alerts sent as one message per address, when the addresses' messages fare differently.</summary>
public sealed class AddressOutcomesTests
{
    private const string A = "a@example.org";
    private const string B = "b@example.org";

    private static readonly DeliveryEnvelope Digest = new(
        "digest-1", new SubscriberDefinition { Id = "ops", Email = [A, B] },
        [.. Enumerable.Range(1, 4).Select(i => TestAlerts.Make("ops", $"k{i}"))], IsDigest: true, TestAlerts.Start);

    [Fact]
    public void Every_address_served_is_sent_and_a_final_refusal_is_noted()
    {
        var result = AddressOutcomes.Combine(Digest, [new(A, DeliveryResult.Sent), new(B, DeliveryResult.Permanent("550 no such user"))]);
        result.Outcome.ShouldBe(DeliveryOutcome.Sent);
        result.Error.ShouldBe($"{B}: 550 no such user");
    }

    [Fact]
    public void An_address_to_try_again_is_the_only_one_retried()
    {
        var result = AddressOutcomes.Combine(Digest, [new(A, DeliveryResult.Sent), new(B, DeliveryResult.Retry("451 later"))]);
        result.Outcome.ShouldBe(DeliveryOutcome.Retry);
        result.Remaining.ShouldBe([B]);
    }

    [Fact]
    public void Every_address_failing_as_a_whole_retries_them_all_and_refused_by_all_is_permanent()
    {
        var retry = AddressOutcomes.Combine(Digest, [new(A, DeliveryResult.Retry("421")), new(B, DeliveryResult.Retry("421"))]);
        (retry.Outcome, retry.Remaining).ShouldBe((DeliveryOutcome.Retry, null));
        AddressOutcomes.Combine(Digest, [new(A, DeliveryResult.Permanent("550")), new(B, DeliveryResult.Permanent("550"))])
            .Outcome.ShouldBe(DeliveryOutcome.Permanent);
        AddressOutcomes.Combine(Digest, [new(A, DeliveryResult.Interrupted), new(B, DeliveryResult.Interrupted)])
            .Outcome.ShouldBe(DeliveryOutcome.Interrupted);
    }

    [Fact]
    public void Parts_to_one_address_settle_each_alert_by_what_every_address_got()
    {
        var first = Digest.PartOf([.. Digest.Alerts.Take(2)], 1, 2);
        var second = Digest.PartOf([.. Digest.Alerts.Skip(2)], 2, 2);
        var split = DeliveryResult.Split([new DeliveryPart(first, DeliveryResult.Sent), new DeliveryPart(second, DeliveryResult.Retry("452 full"))]);

        var result = AddressOutcomes.Combine(Digest, [new(A, split), new(B, DeliveryResult.Sent)]);

        result.Outcome.ShouldBe(DeliveryOutcome.Split);
        result.Parts!.Count.ShouldBe(2);
        result.Parts[0].Envelope.Alerts.ShouldBe(first.Alerts);
        result.Parts[0].Result.Outcome.ShouldBe(DeliveryOutcome.Sent);
        result.Parts[1].Envelope.Alerts.ShouldBe(second.Alerts);
        result.Parts[1].Result.Outcome.ShouldBe(DeliveryOutcome.Retry);
        result.Parts[1].Result.Remaining.ShouldBe([A], "B has these alerts already");
    }
}
