using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>A state database that cannot be used, at start and while the worker runs.</summary>
public sealed class StateDatabaseTests
{
    [Fact]
    public async Task A_corrupt_database_stops_run_and_status_with_exit_5_and_one_line_naming_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var database = work.Write("data/aggregator.db", "not a database at all" + new string('.', 200));

        var run = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--config", RepoPaths.BundledConfig);
        var status = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--config", RepoPaths.BundledConfig);

        foreach (var (code, stdout, stderr) in new[] { run, status })
        {
            code.ShouldBe(5, stdout + stderr);
            stdout.ShouldBeEmpty();
            stderr.ShouldBe($"error: the state database {database} cannot be used: SQLite Error 26: 'file is not a database'\n");
        }
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_run_with_exit_5_and_one_line_naming_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        foreach (var file in Directory.GetFiles(RepoPaths.BundledConfig, "*.yaml")) work.Write(Path.Combine("config", Path.GetFileName(file)), File.ReadAllText(file));
        work.Write("config/samples/world.xml", File.ReadAllText(Path.Combine(RepoPaths.BundledConfig, "samples", "world.xml")));
        var port = FreePort.Next();
        var settings = work.Combine("config", "aggregator.yaml");
        File.WriteAllText(settings, File.ReadAllText(settings)
            .Replace("provider: sqlite", "provider: postgres", StringComparison.Ordinal)
            .Replace("\"Data Source=data/aggregator.db\"", $"\"Host=127.0.0.1;Port={port};Database=state;Username=aggregator;Timeout=3\"", StringComparison.Ordinal));

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--config", work.Combine("config"));

        code.ShouldBe(5, stdout + stderr);
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldStartWith($"error: the PostgreSQL state database state on 127.0.0.1:{port} cannot be used: ");
    }

    [Fact]
    public async Task A_database_deleted_under_the_running_worker_makes_health_report_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var heartbeat = work.Combine("data", "heartbeat.json");
        var database = work.Combine("data", "aggregator.db");
        var env = new Dictionary<string, string> { ["AGGREGATOR_HEARTBEAT"] = heartbeat };
        using var worker = AggregatorProcess.Start(work.Path, env, "run", "--config", RepoPaths.BundledConfig);
        (await Eventually.TrueAsync(() => File.Exists(heartbeat) && File.Exists(database), TimeSpan.FromSeconds(30), ct))
            .ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        var healthy = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
        for (var attempt = 0; attempt < 5 && healthy.ExitCode != 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            healthy = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
        }
        healthy.ExitCode.ShouldBe(0, healthy.Stdout + healthy.Stderr);

        File.Delete(database);

        // The heartbeat is written every 5 seconds.
        var unhealthy = healthy;
        for (var attempt = 0; attempt < 10 && unhealthy.ExitCode == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            unhealthy = await AggregatorProcess.RunAsync(work.Path, env, ct, "health");
        }
        unhealthy.ExitCode.ShouldBe(1, unhealthy.Stdout + unhealthy.Stderr);
        unhealthy.Stderr.ShouldContain($"unhealthy: store unreachable: the state database {database} was deleted or replaced while the worker ran");
        var ready = await AggregatorProcess.RunAsync(work.Path, env, ct, "health", "--ready");
        ready.ExitCode.ShouldBe(1, "--ready is the default check");
        var live = await AggregatorProcess.RunAsync(work.Path, env, ct, "health", "--live");
        live.ExitCode.ShouldBe(0, "the worker is alive: a liveness probe must not restart it for a store problem\n" + live.Stderr);
        worker.Terminate();
        (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
    }
}
