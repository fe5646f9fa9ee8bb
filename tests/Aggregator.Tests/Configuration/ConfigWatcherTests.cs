using System.Collections.Concurrent;
using Aggregator.Configuration;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigWatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static string Feeds(string every) => $"""
        feeds:
          - id: world
            url: https://feeds.example.org/world.xml
            every: {every}
        """;

    [Fact]
    public async Task Applies_good_edits_keeps_the_last_good_config_over_a_bad_one_and_recovers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", Feeds("5m"));
        var loader = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery);
        var initial = loader.Load(dir.Path).Config.ShouldNotBeNull();
        var logger = new ListLogger<ConfigWatcher>();
        var reloads = new BlockingCollection<AggregatorConfig>();
        using var watcher = new ConfigWatcher(dir.Path, initial, loader, logger, TimeProvider.System, TimeSpan.FromMilliseconds(100));
        watcher.Reloaded += (_, e) => reloads.Add(e.Config, ct);
        watcher.Start();

        dir.Write("feeds.yaml", Feeds("10m"));
        reloads.TryTake(out var edited, (int)Deadline.TotalMilliseconds, ct).ShouldBeTrue("a good edit is applied");
        edited!.Feeds[0].Every.ShouldBe(TimeSpan.FromMinutes(10));
        watcher.Current.ShouldBeSameAs(edited);

        dir.Write("feeds.yaml", Feeds("soon"));
        await WaitUntil(() => logger.Entries.Any(e => e.Level == LogLevel.Error && e.Message.Contains("feeds.yaml:4:12: error: invalid duration 'soon'", StringComparison.Ordinal)), ct);
        watcher.Current.ShouldBeSameAs(edited);

        // An atomic save: the new content is written aside, then renamed over the file.
        File.WriteAllText(Path.Combine(dir.Path, ".feeds.yaml.tmp"), Feeds("20m"));
        File.Move(Path.Combine(dir.Path, ".feeds.yaml.tmp"), Path.Combine(dir.Path, "feeds.yaml"), overwrite: true);
        AggregatorConfig? fixedConfig = null;
        while (reloads.TryTake(out var next, (int)Deadline.TotalMilliseconds, ct))
        {
            fixedConfig = next;
            if (next.Feeds[0].Every == TimeSpan.FromMinutes(20)) break;
        }
        fixedConfig.ShouldNotBeNull().Feeds[0].Every.ShouldBe(TimeSpan.FromMinutes(20));
        watcher.Current.Feeds[0].Every.ShouldBe(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void A_manual_reload_of_an_invalid_directory_logs_every_error_and_keeps_the_config()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", Feeds("5m"));
        var loader = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery);
        var initial = loader.Load(dir.Path).Config.ShouldNotBeNull();
        var logger = new ListLogger<ConfigWatcher>();
        using var watcher = new ConfigWatcher(dir.Path, initial, loader, logger, TimeProvider.System);
        dir.Write("feeds.yaml", "feeds:\n  - id: World\n    url: ftp://x/y\n");

        watcher.Reload().ShouldBeFalse();

        watcher.Current.ShouldBeSameAs(initial);
        var errors = logger.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToList();
        errors.Count.ShouldBe(3);
        errors[0].ShouldContain("feeds.yaml:2:9: error: invalid feed id 'World'");
        errors[1].ShouldContain("feeds.yaml:3:10: error: unsupported scheme 'ftp'");
        errors[2].ShouldContain("the last good configuration stays in force");
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Deadline);
        while (!condition()) await Task.Delay(20, deadline.Token);
    }
}
