using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>The real executable as a child process, as an operator runs it.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task The_bundled_config_writes_a_first_alert_offline_and_SIGTERM_stops_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        using var worker = AggregatorProcess.Start(work.Path, null, "run", "--config", RepoPaths.BundledConfig);

        var mailDir = work.Combine("data", "mail");
        var written = await Eventually.TrueAsync(
            () => Directory.Exists(mailDir) && Directory.GetFiles(mailDir, "*.eml").Length > 0, TimeSpan.FromSeconds(30), ct);
        written.ShouldBeTrue($"an .eml appears under data/mail. Output:\n{worker.StandardOutput}\n{worker.StandardError}");

        var files = Directory.GetFiles(mailDir, "*.eml");
        files.Length.ShouldBe(1, "only the troops-at-border item matches; the troopship item must not");
        var eml = await File.ReadAllTextAsync(files[0], ct);
        eml.ShouldContain("Subject: [troops-at-border] Troops gather near the northern border");

        worker.Terminate();
        (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue("SIGTERM stops the worker within seconds");
        worker.ExitCode.ShouldBe(0, worker.StandardError);
        (worker.StandardOutput + worker.StandardError).ShouldNotContain("fail:", Case.Sensitive, "a first run logs no error");
    }

    [Fact]
    public async Task Run_with_an_invalid_config_prints_every_error_and_exits_2()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        work.Write("config/feeds.yaml", """
            feeds:
              - id: Bad Id
                url: ftp://example.org/feed.xml
                every: soon
            """);

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--config", "config");

        code.ShouldBe(2, stdout + stderr);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBeGreaterThanOrEqualTo(3, stderr);
        errors.ShouldAllBe(l => l.StartsWith("config/feeds.yaml:", StringComparison.Ordinal) || l.Contains("feeds.yaml:", StringComparison.Ordinal));
        errors.ShouldContain(l => l.Contains("feeds.yaml:2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_config_accepts_the_bundled_config()
    {
        var ct = TestContext.Current.CancellationToken;
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "check-config", "--config", RepoPaths.BundledConfig);
        code.ShouldBe(0, stdout + stderr);
        stdout.ShouldNotContain(": error: ");
    }
}
