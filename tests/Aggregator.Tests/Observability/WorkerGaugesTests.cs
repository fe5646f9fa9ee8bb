using System.Diagnostics.Metrics;
using Aggregator.Delivery;
using Aggregator.Observability;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Observability;

/// <summary>The backlog and overdue-feed gauges over the real pipeline, store and relay, read as a collector reads them.</summary>
public sealed class WorkerGaugesTests
{
    private const string Backlog = "aggregator.outbox.backlog";
    private const string Overdue = "aggregator.feeds.overdue";

    [Fact]
    public async Task Report_the_last_count_of_queued_messages_and_overdue_feeds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        const string Rss = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>
            <item><title>Troops at the border</title><guid isPermaLink="false">a</guid></item>
            <item><title>Border reopens</title><guid isPermaLink="false">b</guid></item>
            </channel></rss>
            """;
        dir.Write("config/desk.xml", Rss);
        dir.Write("config/hourly.xml", Rss);
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            settings:
              smtp:
                pickupDirectory: "{dir.Combine("mail")}"
            feeds:
              - id: desk
                url: desk.xml
                every: 5m
                firstPoll: notify
              - id: hourly
                url: hourly.xml
                every: 1h
              - id: never-polled
                url: desk.xml
                every: 1m
            rules:
              - id: border
                query: border
                notify: [ann]
            subscribers:
              - id: ann
                email: [ann@example.org]
            """, ct);
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        var gauges = harness.Services.GetRequiredService<GaugeRefresh>();
        await harness.Poller.PollAsync("desk", ct);
        await harness.Poller.PollAsync("hourly", ct);

        metrics.Collect();
        metrics.Of(Backlog).ShouldBeEmpty("nothing is reported before the first count");

        await gauges.RefreshAsync(ct);
        metrics.Collect();
        metrics.Of(Backlog)[^1].Value.ShouldBe(2);
        metrics.Of(Overdue)[^1].Value.ShouldBe(0);

        // Two intervals of desk (5m) have gone by without a poll; hourly is still within its own.
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await gauges.RefreshAsync(ct);
        metrics.Collect();
        metrics.Of(Overdue)[^1].Value.ShouldBe(1);

        (await harness.Services.GetRequiredService<DeliveryRelay>().RunOnceAsync(ct)).ShouldBe(2);
        metrics.Collect();
        metrics.Of(Backlog)[^1].Value.ShouldBe(2, "a collection reads the last count, it does not query the store");

        await gauges.RefreshAsync(ct);
        metrics.Collect();
        metrics.Of(Backlog)[^1].Value.ShouldBe(0);
    }
}
