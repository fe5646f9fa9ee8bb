using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>Every poll that reaches the feed leaves one entry in the poll log the console reads, whatever its outcome.</summary>
public sealed class PollLogTests
{
    [Fact]
    public async Task A_parsed_poll_a_304_and_a_failed_poll_each_leave_an_entry_with_their_outcome_and_http_status()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var feeds = new FeedServer();
        feeds.SetItems(("a", "Troops at the border", "First report."));
        await using var broken = new LoopbackHttpServer(context =>
        {
            context.Response.StatusCode = 500;
            context.Response.Close();
            return Task.CompletedTask;
        });
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            feeds:
              - id: desk
                url: {feeds.FeedUrl}
              - id: broken
                url: {broken.BaseUrl}feed.xml
            subscribers:
              - id: ann
                email: [ann@example.org]
            """, ct);

        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.Parsed);
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(PollOutcome.NotModified);
        (await harness.Poller.PollAsync("broken", ct)).Outcome.ShouldBe(PollOutcome.Failed);

        var desk = await harness.Store.ListPollsAsync("desk", 10, ct);
        desk.Select(e => (e.Outcome, e.HttpStatus, e.PolledAt)).ShouldBe(
        [
            (PollOutcome.NotModified, 304, harness.Time.GetUtcNow()),
            (PollOutcome.Parsed, 200, harness.Time.GetUtcNow().AddMinutes(-15)),
        ]);
        desk[1].NewItems.ShouldBe(1);
        desk[1].BytesReceived.ShouldNotBeNull().ShouldBeGreaterThan(100);
        desk[0].BytesReceived.ShouldBeNull("a 304 has no body");
        desk.ShouldAllBe(e => e.Error == null && e.FinalUrl == null);
        var failed = (await harness.Store.ListPollsAsync("broken", 10, ct)).ShouldHaveSingleItem();
        (failed.Outcome, failed.HttpStatus).ShouldBe((PollOutcome.Failed, 500));
        failed.Error.ShouldNotBeNull().ShouldContain("500");
        (await harness.Store.ListRecentPollsAsync(["broken", "desk", "other"], 50, ct)).Keys.Order(StringComparer.Ordinal).ShouldBe(["broken", "desk"]);
    }
}
