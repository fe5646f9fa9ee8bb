using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>One poll at a time through the real fetch, parse, dedupe, match and commit path.</summary>
public sealed class FeedPollerTests
{
    private static string Config(string firstPoll) => $"""
        feeds:
          - id: desk
            url: feed.xml
            firstPoll: {firstPoll}
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
    public async Task A_baseline_first_poll_records_items_silently_and_alerts_only_later_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("a", "Troops at the border", null));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config("baseline"), ct);

        var first = await harness.Poller.PollAsync("desk", ct);
        first.Outcome.ShouldBe(PollOutcome.Parsed);
        first.NewItems.ShouldBe(1);
        first.Queued.ShouldBe(0);

        WriteFeed(dir, ("a", "Troops at the border", null), ("b", "More troops reach the border", null));
        var second = await harness.Poller.PollAsync("desk", ct);
        second.NewItems.ShouldBe(1);

        var messages = await harness.DueMessagesAsync(ct);
        messages.Select(m => (m.Alert.SubscriberId, m.Channel)).OrderBy(x => x.SubscriberId)
            .ShouldBe([("ann", DeliveryChannel.Email), ("hook", DeliveryChannel.Webhook)]);
        messages.ShouldAllBe(m => m.Alert.Item.Title == "More troops reach the border");
    }

    [Fact]
    public async Task One_item_matched_by_two_rules_is_one_message_per_subscriber_naming_both()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("a", "Troops at the border", null));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config("notify"), ct);

        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(2);

        var messages = await harness.DueMessagesAsync(ct);
        var ann = messages.Single(m => m.Alert.SubscriberId == "ann");
        ann.Alert.Rules.Select(r => r.RuleId).Order().ShouldBe(["border", "troops"]);
        messages.Single(m => m.Alert.SubscriberId == "hook").Alert.Rules.Select(r => r.RuleId).ShouldBe(["troops"]);
    }

    [Fact]
    public async Task Items_older_than_maxItemAge_are_recorded_but_never_alerted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("old", "Troops at the border in 2019", "Mon, 01 Jul 2019 10:00:00 GMT"), ("new", "Troops at the border today", "Fri, 27 Nov 2026 09:00:00 GMT"));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config("notify"), ct);

        var result = await harness.Poller.PollAsync("desk", ct);
        result.NewItems.ShouldBe(2);

        var messages = await harness.DueMessagesAsync(ct);
        messages.ShouldNotBeEmpty();
        messages.ShouldAllBe(m => m.Alert.Item.Key == "new");
    }

    [Fact]
    public async Task An_unchanged_body_is_not_parsed_again_and_queues_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, ("a", "Troops at the border", null));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config("notify"), ct);

        (await harness.Poller.PollAsync("desk", ct)).Queued.ShouldBe(2);
        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBeOneOf(PollOutcome.NotModified, PollOutcome.Unchanged);
        (await harness.DueMessagesAsync(ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_broken_feed_is_recorded_as_failed_with_its_reason_and_backs_off()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        dir.Write("config/feed.xml", "<rss><channel><title>cut off");
        await using var harness = await PipelineHarness.CreateAsync(dir, Config("notify"), ct);

        var first = await harness.Poller.PollAsync("desk", ct);
        first.Outcome.ShouldBe(PollOutcome.Failed);
        var second = await harness.Poller.PollAsync("desk", ct);
        second.Outcome.ShouldBe(PollOutcome.Failed);

        var state = await harness.Store.GetFeedStateAsync("desk", ct);
        state.ShouldNotBeNull();
        state.ConsecutiveFailures.ShouldBe(2);
        state.LastError.ShouldNotBeNullOrWhiteSpace();
        state.NotBefore.ShouldNotBeNull("the second failure in a row backs off");
        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Skipped);
    }

    private static void WriteFeed(TempDirectory dir, params (string Guid, string Title, string? PubDate)[] items)
    {
        var xml = string.Concat(items.Select(i =>
            $"<item><title>{i.Title}</title><guid isPermaLink=\"false\">{i.Guid}</guid><description>Report.</description>" +
            (i.PubDate is null ? "" : $"<pubDate>{i.PubDate}</pubDate>") + "</item>"));
        dir.Write("config/feed.xml", $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title><link>https://example.org/</link>{xml}</channel></rss>");
    }
}
