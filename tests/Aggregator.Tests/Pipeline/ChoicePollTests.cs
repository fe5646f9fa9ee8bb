using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>Subscriber choices already in the store when a poll queues alerts: honoured before anything is queued.</summary>
public sealed class ChoicePollTests
{
    private const string Config = """
        feeds:
          - id: desk
            url: feed.xml
            firstPoll: notify
        rules:
          - id: troops
            query: troops AND border
            notify: [ann, hook]
          - id: border
            query: border
            notify: [ann]
        subscribers:
          - id: ann
            email: [ann@example.org]
          - id: hook
            webhook:
              url: https://hooks.example.org/x
              secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
        """;

    [Fact]
    public async Task A_poll_queues_nothing_a_subscriber_stopped_and_only_the_rules_still_counting()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("a", "Troops at the border"), ("b", "Troops drill at the border"));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config, ct);
        await harness.Store.Choices.RuleOffAsync("ann", "troops", ct);
        await harness.Store.Choices.MuteAsync("ann", "border", MuteKind.Word, "drill", ct);
        await harness.Store.Choices.UnsubscribeAsync("hook", null, null, ct);

        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(1);

        var message = (await harness.DueMessagesAsync(ct)).ShouldHaveSingleItem();
        message.Alert.SubscriberId.ShouldBe("ann");
        message.Alert.Item.Title.ShouldBe("Troops at the border");
        message.Alert.Rules.Select(r => r.RuleId).ShouldBe(["border"]);
    }

    [Fact]
    public async Task A_digest_cadence_chosen_in_the_store_sets_when_a_polled_alert_is_due()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("a", "Troops at the border"));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config, ct);
        DigestSchedule.TryParse("daily 08:00", out var daily, out _).ShouldBeTrue();
        await harness.Store.Choices.SetDigestAsync("ann", daily, ct);

        await harness.Poller.PollAsync("desk", ct);

        var messages = await harness.DueMessagesAsync(ct);
        messages.Single(m => m.Alert.SubscriberId == "ann").DueAt.ShouldBe(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        messages.Single(m => m.Alert.SubscriberId == "hook").DueAt.ShouldBe(harness.Time.GetUtcNow());
    }

    private static void WriteFeed(TempDirectory dir, params (string Guid, string Title)[] items)
    {
        var xml = string.Concat(items.Select(i =>
            $"<item><title>{i.Title}</title><guid isPermaLink=\"false\">{i.Guid}</guid><description>Report.</description></item>"));
        dir.Write("config/feed.xml", $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title><link>https://example.org/</link>{xml}</channel></rss>");
    }
}
