using Aggregator.Configuration;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.Tests.Configuration;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Aggregator.Scheduling;

namespace Aggregator.Tests.Hosting;

/// <summary>Config edits while the real host runs: good, bad, good.</summary>
public sealed class HotReloadTests
{
    [Fact]
    public async Task A_bad_edit_keeps_the_last_good_config_and_a_good_edit_is_swapped_in_without_resetting_schedules()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        dir.Write("config/feed.xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><guid>1</guid></item></channel></rss>");
        dir.Write("config/main.yaml", $"""
            settings:
              storage:
                connectionString: "Data Source={dir.Combine("state.db")}"
            feeds:
              - id: desk
                url: feed.xml
                every: 1h
              - id: other
                url: feed.xml
                every: 2h
            subscribers:
              - id: ann
                email: [ann@example.org]
            """);
        var rules = dir.Write("config/rules.yaml", """
            rules:
              - id: first
                query: troops
                notify: [ann]
            """);
        var config = new ConfigLoader().Load(dir.Combine("config")).Config.ShouldNotBeNull();
        var watcherLog = new ListLogger<ConfigWatcher>();
        var reloadLog = new ListLogger<ConfigReloadService>();
        var fetchLog = new ListLogger<Aggregator.Fetching.FeedFetcher>();

        using var host = WorkerHost.Build(config, [], s => s
            .AddSingleton<ILogger<ConfigWatcher>>(watcherLog)
            .AddSingleton<ILogger<ConfigReloadService>>(reloadLog)
            .AddSingleton<ILogger<Aggregator.Fetching.FeedFetcher>>(fetchLog)
            .AddSingleton(new HeartbeatFile(dir.Combine("heartbeat.json"))));
        var started = DateTimeOffset.UtcNow;
        await host.StartAsync(ct);
        var active = host.Services.GetRequiredService<ActiveConfig>();
        var schedule = host.Services.GetRequiredService<NodeFeedSchedule>();
        // Local feeds are due at once; wait for that first poll so the next due time is the steady one.
        (await Eventually.TrueAsync(() => schedule.NextDue("desk") > started + TimeSpan.FromMinutes(30) && schedule.NextDue("other") > started + TimeSpan.FromMinutes(90),
            TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        var deskNext = schedule.NextDue("desk");
        var otherNext = schedule.NextDue("other");

        // A bad edit: reported with its position, the running config stays.
        await File.WriteAllTextAsync(rules, """
            rules:
              - id: first
                query: troops AND (border
                notify: [ann]
            """, ct);
        (await Eventually.TrueAsync(() => watcherLog.Entries.Any(e => e.Message.Contains("rules.yaml:3:", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), ct))
            .ShouldBeTrue(string.Join('\n', watcherLog.Entries.Select(e => e.Message)));
        active.Current.RulesById["first"].Query.ShouldBe("troops");

        // A good edit: swapped in whole; feeds whose schedule did not change keep their next fire time.
        await File.WriteAllTextAsync(rules, """
            rules:
              - id: first
                query: troops AND border
                notify: [ann]
              - id: second
                query: ceasefire
                notify: [ann]
            """, ct);
        (await Eventually.TrueAsync(() => active.Current.RulesById.ContainsKey("second"), TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        active.Current.RulesById["first"].Query.ShouldBe("troops AND border");
        schedule.NextDue("desk").ShouldBe(deskNext);
        schedule.NextDue("other").ShouldBe(otherNext);
        reloadLog.Entries.ShouldNotContain(e => e.Message.Contains("restarted", StringComparison.Ordinal), "rules alone need no restart");

        // Fetch settings apply from the next fetch, with no restart.
        var main = dir.Combine("config", "main.yaml");
        await File.WriteAllTextAsync(main, (await File.ReadAllTextAsync(main, ct)).Replace("settings:\n", "settings:\n  polling:\n    timeout: 10s\n", StringComparison.Ordinal), ct);
        (await Eventually.TrueAsync(() => fetchLog.Entries.Any(e => e.Message.StartsWith("Fetch settings changed (timeout 00:00:10,", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), ct)).ShouldBeTrue(string.Join('\n', watcherLog.Entries.Select(e => e.Message)));
        active.Current.Config.Settings.Polling.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        reloadLog.Entries.ShouldNotContain(e => e.Message.Contains("restarted", StringComparison.Ordinal), "polling settings need no restart");

        // A setting built into the process at start: applied at the next restart, and the operator is told.
        await File.WriteAllTextAsync(main, (await File.ReadAllTextAsync(main, ct)).Replace("settings:\n", "settings:\n  telemetry:\n    logFormat: json\n", StringComparison.Ordinal), ct);
        (await Eventually.TrueAsync(() => reloadLog.Entries.Any(e => e.Message == "settings.telemetry changed: it takes effect when the worker is restarted"),
            TimeSpan.FromSeconds(10), ct)).ShouldBeTrue(string.Join('\n', reloadLog.Entries.Select(e => e.Message).Concat(watcherLog.Entries.Select(e => e.Message))));

        await host.StopAsync(ct);
    }
}
