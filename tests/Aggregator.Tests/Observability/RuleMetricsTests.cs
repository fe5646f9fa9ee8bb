using System.Diagnostics.Metrics;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Observability;

/// <summary>A tag per rule is a time series per rule: with 10,000 rules that is the operator's choice, never the default.</summary>
public sealed class RuleMetricsTests
{
    [Fact]
    public async Task Matches_carry_no_rule_tag_unless_asked_for()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        dir.Write("config/feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>
            <item><title>Troops at the border</title><guid isPermaLink="false">a</guid></item>
            <item><title>Border reopens</title><guid isPermaLink="false">b</guid></item>
            </channel></rss>
            """);
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            settings:
              smtp:
                pickupDirectory: "{dir.Combine("mail")}"
            feeds:
              - id: desk
                url: feed.xml
                firstPoll: notify
            rules:
              - id: troops
                query: troops AND border
                notify: [ann]
              - id: border
                query: border
                notify: [ann]
            subscribers:
              - id: ann
                email: [ann@example.org]
            """, ct);
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());

        await harness.Poller.PollAsync("desk", ct);

        var matches = metrics.Of("aggregator.matches");
        matches.Sum(m => m.Value).ShouldBe(3);
        matches.ShouldAllBe(m => m.Tags.Count == 0);
    }
}
