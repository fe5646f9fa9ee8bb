using System.Diagnostics.Metrics;
using Aggregator.Delivery;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Observability;

/// <summary>The instruments as the real pipeline and relay feed them: a file feed, SQLite, a loopback webhook and mail pickup.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task A_poll_and_a_relay_pass_record_fetches_matches_deliveries_and_latency()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var working = new WebhookReceiver();
        await using var failing = new WebhookReceiver { DefaultStatus = 500 };
        dir.Write("config/feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>
            <item><title>Troops at the border</title><guid isPermaLink="false">a</guid></item>
            <item><title>Border reopens</title><guid isPermaLink="false">b</guid></item>
            <item><title>Weather</title><guid isPermaLink="false">c</guid></item>
            </channel></rss>
            """);
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            settings:
              smtp:
                pickupDirectory: "{dir.Combine("mail")}"
              telemetry:
                ruleMetrics: true
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
                notify: [ann, down]
            subscribers:
              - id: ann
                email: [ann@example.org]
              - id: hook
                webhook:
                  url: "{working.Url}"
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
              - id: down
                webhook:
                  url: "{failing.Url}"
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
            """, ct);
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());

        var poll = await harness.Poller.PollAsync("desk", ct);
        poll.Queued.ShouldBe(5); // ann: a and b by email; hook: a; down: a and b

        var fetch = metrics.Of("aggregator.fetch.duration").ShouldHaveSingleItem();
        fetch.Tags["result"].ShouldBe("ok");
        fetch.Value.ShouldBeGreaterThanOrEqualTo(0);
        metrics.Sum("aggregator.polls", ("result", "parsed")).ShouldBe(1);
        metrics.Sum("aggregator.items.new").ShouldBe(3);
        metrics.Sum("aggregator.alerts.queued").ShouldBe(5);
        metrics.Sum("aggregator.matches", ("rule", "troops")).ShouldBe(1);
        metrics.Sum("aggregator.matches", ("rule", "border")).ShouldBe(2);

        harness.Time.Advance(TimeSpan.FromSeconds(90));
        (await harness.Services.GetRequiredService<DeliveryRelay>().RunOnceAsync(ct)).ShouldBe(5);

        metrics.Sum("aggregator.deliveries", ("channel", "email"), ("outcome", "sent")).ShouldBe(2);
        metrics.Sum("aggregator.deliveries", ("channel", "webhook"), ("outcome", "sent")).ShouldBe(1);
        metrics.Sum("aggregator.deliveries", ("channel", "webhook"), ("outcome", "retry")).ShouldBe(2);
        metrics.Sum("aggregator.deliveries", ("outcome", "dead")).ShouldBe(0);
        var latency = metrics.Of("aggregator.delivery.latency");
        latency.Count.ShouldBe(3, "one per alert sent; retried alerts are not delivered yet");
        latency.ShouldAllBe(m => m.Value == 90);
        latency.Count(m => m.Tags["channel"] == "email").ShouldBe(2);
        latency.Count(m => m.Tags["channel"] == "webhook").ShouldBe(1);
    }

    [Fact]
    public async Task A_feed_that_cannot_be_fetched_records_a_failed_fetch_and_no_match()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        dir.Write("config/feed.xml", "<rss/>");
        await using var harness = await PipelineHarness.CreateAsync(dir, """
            feeds:
              - id: desk
                url: feed.xml
            rules:
              - id: any
                query: border
                notify: [ann]
            subscribers:
              - id: ann
                email: [ann@example.org]
            """, ct);
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        File.Delete(dir.Combine("config/feed.xml"));

        (await harness.Poller.PollAsync("desk", ct)).Outcome.ShouldBe(Aggregator.Storage.PollOutcome.Failed);

        metrics.Of("aggregator.fetch.duration").ShouldHaveSingleItem().Tags["result"].ShouldBe("failed");
        metrics.Sum("aggregator.polls", ("result", "failed")).ShouldBe(1);
        metrics.Of("aggregator.matches").ShouldBeEmpty();
    }
}
