using Aggregator.Configuration;
using Aggregator.Scheduling;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Aggregator.Tests.Clustering;

/// <summary>
/// <see cref="FeedSchedule"/> on Quartz's clustered store in PostgreSQL, applied by two nodes at the same
/// moment (two schedulers sharing the database, not started, so nothing fires): each feed is scheduled
/// once, a repeated apply changes nothing, and a changed interval keeps the feed's next fire time.
/// </summary>
public sealed class SharedScheduleTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Two_nodes_applying_each_config_at_once_converge_without_rescheduling_unchanged_feeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        using var dir = new TempDirectory();
        var first = Snapshot(dir, connectionString, ["10m", "10m", "10m"]);
        await using var a = Node(first.Config, connectionString);
        await using var b = Node(first.Config, connectionString);
        var scheduler = await a.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        (await b.GetRequiredService<ISchedulerFactory>().GetScheduler(ct)).SchedulerInstanceId.ShouldNotBe(scheduler.SchedulerInstanceId);

        await Task.WhenAll(Apply(a, first, ct), Apply(b, first, ct));
        var scheduled = await NextFireTimesAsync(scheduler, ct);
        scheduled.Keys.Order().ShouldBe(["feed-0", "feed-1", "feed-2"]);

        await Task.WhenAll(Apply(a, first, ct), Apply(b, first, ct));
        (await NextFireTimesAsync(scheduler, ct)).ShouldBe(scheduled, "applying the same config again reschedules nothing");

        var changed = Snapshot(dir, connectionString, ["10m", "20m", "10m"]);
        await Task.WhenAll(Apply(a, changed, ct), Apply(b, changed, ct));
        (await NextFireTimesAsync(scheduler, ct)).ShouldBe(scheduled, "unchanged feeds keep their next fire time, and so does the changed one");
        var trigger = (ISimpleTrigger)(await scheduler.GetTriggersOfJob(new JobKey("feed-1", "feeds"), ct)).ShouldHaveSingleItem();
        trigger.RepeatInterval.ShouldBe(TimeSpan.FromMinutes(20));

        var shrunk = Snapshot(dir, connectionString, ["10m", "20m"]);
        await Task.WhenAll(Apply(a, shrunk, ct), Apply(b, shrunk, ct));
        (await NextFireTimesAsync(scheduler, ct)).Keys.Order().ShouldBe(["feed-0", "feed-1"]);
    }

    private static Task Apply(IServiceProvider node, ConfigSnapshot snapshot, CancellationToken ct) =>
        node.GetRequiredService<FeedSchedule>().ApplyAsync(snapshot, ct);

    private static async Task<Dictionary<string, DateTimeOffset?>> NextFireTimesAsync(IScheduler scheduler, CancellationToken ct)
    {
        var result = new Dictionary<string, DateTimeOffset?>();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("feeds"), ct))
            result[key.Name] = (await scheduler.GetTriggersOfJob(key, ct)).ShouldHaveSingleItem().NextFireTimeUtc;
        return result;
    }

    private static ConfigSnapshot Snapshot(TempDirectory dir, string connectionString, string[] intervals)
    {
        var feeds = string.Concat(intervals.Select((every, i) => $"""
              - id: feed-{i}
                url: https://feeds.example.org/{i}.xml
                every: {every}

            """));
        dir.Write("config/aggregator.yaml", $$"""
            settings:
              storage:
                provider: postgres
                connectionString: "{{connectionString}}"
              scheduler:
                clustered: true
            feeds:
            {{feeds}}
            """);
        var loaded = new ConfigLoader().Load(dir.Combine("config"));
        loaded.Config.ShouldNotBeNull(string.Join('\n', loaded.Diagnostics));
        return ConfigSnapshot.Create(loaded.Config);
    }

    private static ServiceProvider Node(AggregatorConfig config, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IScheduleLock>(new PostgresScheduleLock(connectionString));
        services.AddSingleton<FeedSchedule>();
        services.AddQuartz(q => SchedulerStore.Configure(q, config.Settings));
        return services.BuildServiceProvider();
    }
}
