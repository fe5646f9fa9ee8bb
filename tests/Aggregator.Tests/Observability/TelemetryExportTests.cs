using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Observability;

/// <summary>The real executable with an OTLP endpoint and JSON logs: what a collector and a log shipper receive.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Run_exports_metrics_over_OTLP_and_writes_structured_JSON_logs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var collector = new OtlpReceiver();
        await using var hook = new WebhookReceiver();
        work.Write("config/feed.xml", """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://example.org/</link>
            <item><title>Troops at the border</title><guid isPermaLink="false">a</guid></item>
            </channel></rss>
            """);
        work.Write("config/aggregator.yaml", $"""
            settings:
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              telemetry:
                otlpEndpoint: "{collector.Endpoint}"
                logFormat: json
            feeds:
              - id: desk
                url: feed.xml
                firstPoll: notify
            rules:
              - id: troops
                query: troops AND border
                notify: [hook]
            subscribers:
              - id: hook
                webhook:
                  url: "{hook.Url}"
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
            """);
        var environment = new Dictionary<string, string>
        {
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["AGGREGATOR_HEARTBEAT"] = work.Combine("heartbeat.json"),
        };
        using var worker = AggregatorProcess.Start(work.Path, environment, "run", "--config", "config");

        var exported = await Eventually.TrueAsync(
            () => collector.Exports.Any(e => e.Mentions("aggregator.deliveries")), TimeSpan.FromSeconds(30), ct);
        exported.ShouldBeTrue($"an OTLP export carries the delivery counter. Output:\n{worker.StandardOutput}\n{worker.StandardError}");
        worker.Terminate();
        (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();

        var export = collector.Exports.First(e => e.Mentions("aggregator.deliveries"));
        export.Method.ShouldBe("POST");
        export.Path.ShouldBe("/v1/metrics");
        export.ContentType.ShouldBe("application/x-protobuf");
        export.Mentions("Aggregator").ShouldBeTrue("the meter's name is the instrumentation scope");
        export.Mentions("aggregator.fetch.duration").ShouldBeTrue();
        collector.Exports.Any(e => e.Mentions("System.Runtime")).ShouldBeTrue("runtime metrics are exported too");
        hook.Requests.Count.ShouldBe(1);

        var states = JsonLines(worker.StandardOutput).Select(l => l.GetProperty("State")).ToList();
        states.ShouldContain(s => Field(s, "RuleId") == "troops" && Field(s, "FeedId") == "desk", "the match is logged with its rule and feed");
        var delivered = states.Where(s => Field(s, "AlertId") != null).ToList().ShouldHaveSingleItem();
        Field(delivered, "SubscriberId").ShouldBe("hook");
        Field(delivered, "Channel").ShouldBe("webhook");
    }

    /// <summary>Every line of the output must be a JSON object: a log shipper gets nothing else.</summary>
    private static List<JsonElement> JsonLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static string? Field(JsonElement state, string name) =>
        state.TryGetProperty(name, out var value) ? value.GetString() : null;
}
