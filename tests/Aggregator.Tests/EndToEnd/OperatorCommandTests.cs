using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary><c>health</c> and <c>status</c> against a real worker process.</summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Health_is_0_while_the_worker_runs_and_1_once_it_has_stopped_and_status_reports_the_run()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var heartbeat = work.Combine("data", "heartbeat.json");
        var env = new Dictionary<string, string> { ["AGGREGATOR_HEARTBEAT"] = heartbeat };

        using (var worker = AggregatorProcess.Start(work.Path, env, "run", "--config", RepoPaths.BundledConfig))
        {
            (await Eventually.TrueAsync(() => File.Exists(heartbeat) && Directory.Exists(work.Combine("data", "mail"))
                && Directory.GetFiles(work.Combine("data", "mail")).Length > 0, TimeSpan.FromSeconds(30), ct))
                .ShouldBeTrue(worker.StandardOutput + worker.StandardError);

            // The first heartbeat may predate the scheduler's start; a healthy one follows within a beat or two.
            var healthy = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
            for (var attempt = 0; attempt < 5 && healthy.ExitCode != 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), ct);
                healthy = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
            }
            healthy.ExitCode.ShouldBe(0, healthy.Stdout + healthy.Stderr);
            healthy.Stdout.ShouldStartWith("healthy");

            worker.Terminate();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
        }

        var stopped = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
        stopped.ExitCode.ShouldBe(1);
        stopped.Stderr.ShouldContain("worker not running");

        var status = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", RepoPaths.BundledConfig);
        status.ExitCode.ShouldBe(0, status.Stderr);
        using var json = JsonDocument.Parse(status.Stdout);
        var feed = json.RootElement.GetProperty("feeds")[0];
        feed.GetProperty("id").GetString().ShouldBe("sample-world");
        feed.GetProperty("lastResult").GetString().ShouldBe("ok");
        feed.GetProperty("itemsSeen").GetInt64().ShouldBe(3);
        feed.GetProperty("consecutiveErrors").GetInt32().ShouldBe(0);
        var rule = json.RootElement.GetProperty("rules")[0];
        rule.GetProperty("id").GetString().ShouldBe("troops-at-border");
        rule.GetProperty("matches").GetInt64().ShouldBe(1, "one of the three sample items matches");
        rule.GetProperty("lastMatchAt").ValueKind.ShouldBe(JsonValueKind.String);
        var desk = json.RootElement.GetProperty("subscribers")[0];
        desk.GetProperty("id").GetString().ShouldBe("desk");
        desk.GetProperty("sent").GetInt32().ShouldBe(1);
        desk.GetProperty("queued").GetInt32().ShouldBe(0);

        var table = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--config", RepoPaths.BundledConfig);
        table.Stdout.ShouldContain("sample-world");
        table.Stdout.ShouldContain("SUBSCRIBER");
        table.Stdout.ShouldContain("troops AND border");
    }
}
