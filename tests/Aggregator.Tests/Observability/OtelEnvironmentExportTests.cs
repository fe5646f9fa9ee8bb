using Aggregator.Tests.Support;

namespace Aggregator.Tests.Observability;

/// <summary>
/// A worker configured only by the standard <c>OTEL_*</c> variables, as a .NET operator expects (no
/// <c>otlpEndpoint</c> in its config): a loopback OTLP/HTTP collector receives its traces, logs and metrics.
/// </summary>
public sealed class OtelEnvironmentExportTests
{
    [Fact]
    public async Task The_OTEL_variables_export_poll_and_delivery_spans_logs_and_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var collector = new OtlpReceiver();
        await using var hook = new WebhookReceiver();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        work.Write("config/aggregator.yaml", $"""
            settings:
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
            feeds:
              - id: desk
                url: {feed.FeedUrl}
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
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "aggregator-desk-7",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["AGGREGATOR_HEARTBEAT"] = work.Combine("heartbeat.json"),
        };
        using var worker = AggregatorProcess.Start(work.Path, environment, "run", "--config", "config");

        bool Traced(string span) => collector.Exports.Any(e => e.Path == "/v1/traces" && e.Mentions(span));
        var exported = await Eventually.TrueAsync(
            () => Traced("deliver") && Traced("poll") && collector.Exports.Any(e => e.Path == "/v1/logs" && e.Mentions("Aggregator started"))
                && collector.Exports.Any(e => e.Path == "/v1/metrics" && e.Mentions("aggregator.polls")),
            TimeSpan.FromSeconds(45), ct);
        exported.ShouldBeTrue($"paths: {string.Join(", ", collector.Exports.Select(e => e.Path).Distinct())}\n{worker.StandardOutput}\n{worker.StandardError}");
        worker.Terminate();
        (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();

        var traces = collector.Exports.Where(e => e.Path == "/v1/traces").ToList();
        traces.ShouldAllBe(e => e.ContentType == "application/x-protobuf");
        traces.ShouldContain(e => e.Mentions("aggregator.feed.id") && e.Mentions("desk"), "the poll span names its feed");
        traces.ShouldContain(e => e.Mentions("System.Net.Http"), "the fetch and the webhook call are HttpClient spans");
        collector.Exports.ShouldContain(e => e.Mentions("aggregator-desk-7"), "OTEL_SERVICE_NAME names the service");
        hook.Requests.Count.ShouldBe(1);
    }
}
