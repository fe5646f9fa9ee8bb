using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>Feeds in trouble are reported to the operators once per incident, not once per poll.</summary>
public sealed class FeedIncidentTests
{
    private const string Config = """
        settings:
          alerts:
            operators: [ops]
            feedFailingAfter: 2
        feeds:
          - id: desk
            url: feed.xml
            every: 1m
        subscribers:
          - id: ops
            email: [ops@example.org]
        """;

    [Fact]
    public async Task A_feed_failing_N_polls_in_a_row_is_reported_once_with_its_error()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        dir.Write("config/feed.xml", "<rss><channel><title>cut off");
        await using var harness = await PipelineHarness.CreateAsync(dir, Config, ct);

        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Failed);
        (await harness.DueMessagesAsync(ct)).ShouldBeEmpty("one failure is not an incident yet");

        for (var poll = 0; poll < 6; poll++)
        {
            harness.Time.Advance(TimeSpan.FromHours(1)); // past any backoff
            (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Failed);
        }

        var notices = await harness.DueMessagesAsync(ct);
        notices.Count.ShouldBe(1);
        var notice = notices[0].Alert;
        notice.SubscriberId.ShouldBe("ops");
        notice.Rules.Single().RuleId.ShouldBe("feed-failing");
        notice.Item.Title.ShouldBe("Feed 'desk' has failed 2 polls in a row");
        notice.Item.Summary.ShouldContain("feed.xml");
    }

    [Fact]
    public async Task A_recovered_feed_that_fails_again_is_a_new_incident()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var feed = dir.Write("config/feed.xml", "<rss><channel><title>cut off");
        await using var harness = await PipelineHarness.CreateAsync(dir, Config, ct);

        await harness.Poller.PollAsync("desk", ct);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.Poller.PollAsync("desk", ct);

        File.WriteAllText(feed, "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>");
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Parsed);

        File.WriteAllText(feed, "not xml at all");
        for (var poll = 0; poll < 2; poll++)
        {
            harness.Time.Advance(TimeSpan.FromHours(1));
            (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Failed);
        }

        (await harness.DueMessagesAsync(ct)).Count.ShouldBe(2);
    }
}
