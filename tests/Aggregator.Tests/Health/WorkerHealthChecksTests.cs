using Aggregator.Health;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Health;

/// <summary>The checks behind <c>health --live</c>/<c>--ready</c> and <c>/healthz</c>/<c>/readyz</c>, over a real heartbeat file.</summary>
public sealed class WorkerHealthChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_worker_whose_store_is_down_is_alive_but_not_ready()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("heartbeat.json", new Heartbeat(Now.AddSeconds(-5), 42, true, false, "disk I/O error", null).ToJson());

        var live = await CheckAsync(path, inWorker: false, WorkerHealthChecks.Live);
        var ready = await CheckAsync(path, inWorker: false, WorkerHealthChecks.Ready);

        live.Status.ShouldBe(HealthStatus.Healthy);
        live.Entries["heartbeat"].Description.ShouldBe($"worker 42, heartbeat at {Now.AddSeconds(-5):u}");
        ready.Status.ShouldBe(HealthStatus.Unhealthy);
        WorkerHealthChecks.Problems(ready).ShouldBe(["store unreachable: disk I/O error"]);
    }

    [Fact]
    public async Task A_heartbeat_that_stopped_fails_liveness_and_readiness_once()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("heartbeat.json", new Heartbeat(Now.AddMinutes(-5), 42, true, true, null, null).ToJson());

        WorkerHealthChecks.Problems(await CheckAsync(path, inWorker: false, WorkerHealthChecks.Live))
            .ShouldHaveSingleItem().ShouldStartWith("no heartbeat for 300s");
        WorkerHealthChecks.Problems(await CheckAsync(path, inWorker: false, WorkerHealthChecks.Ready))
            .ShouldHaveSingleItem().ShouldStartWith("no heartbeat for 300s");
    }

    [Fact]
    public async Task Without_a_heartbeat_the_command_sees_no_worker_and_the_worker_itself_is_starting()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("heartbeat.json");

        WorkerHealthChecks.Problems(await CheckAsync(path, inWorker: false, WorkerHealthChecks.Ready))
            .ShouldBe([$"no heartbeat at {path} (worker not running)"]);
        (await CheckAsync(path, inWorker: true, WorkerHealthChecks.Live)).Status.ShouldBe(HealthStatus.Healthy);
        WorkerHealthChecks.Problems(await CheckAsync(path, inWorker: true, WorkerHealthChecks.Ready))
            .ShouldBe(["no heartbeat yet (the worker is starting)"]);
    }

    private static async Task<HealthReport> CheckAsync(string path, bool inWorker, string tag)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddHealthChecks().AddHeartbeatChecks(path, inWorker);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(WorkerHealthChecks.Tagged(tag), TestContext.Current.CancellationToken);
    }
}
