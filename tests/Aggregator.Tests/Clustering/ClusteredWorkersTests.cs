using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Clustering;

/// <summary>
/// Three real worker processes share one PostgreSQL database and one config directory (clustered Quartz).
/// Feeds on loopback gain matching items while the nodes run; one node is killed with SIGKILL part way.
/// Every item must reach the webhook receiver (no loss), once (no duplicates beyond the one send a
/// crash may leave ambiguous), and the feeds must be polled about once per interval in total, not once per node.
/// </summary>
public sealed class ClusteredWorkersTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int FeedCount = 4;
    private const int ItemCount = 24;

    [Fact]
    public async Task Three_nodes_share_the_feeds_and_a_killed_nodes_work_is_taken_over_without_loss_or_duplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = TestContext.Current.TestOutputHelper;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        using var dir = new TempDirectory();
        var feeds = Enumerable.Range(0, FeedCount).Select(i => new FeedServer($"Desk {i}")).ToList();
        await using var hook = new WebhookReceiver();
        try
        {
            foreach (var (feed, i) in feeds.Select((f, i) => (f, i))) feed.AddItem($"calm-{i}", "Harbour festival draws crowds", "Music and boats.");
            using var cluster = new ClusterNodes(dir, connectionString);
            cluster.WriteConfig(feeds, hook);
            await using var sampler = new PollSampler(feeds);

            // All three start at once: migrations, Quartz's tables and the schedule are contended on purpose.
            cluster.StartAll(3);
            for (var i = 0; i < 3; i++)
                (await cluster.Nodes[i].WaitForOutputAsync("Aggregator started", TimeSpan.FromSeconds(60), ct)).ShouldBeTrue(cluster.AllOutput());
            var (added, changed, removed) = cluster.ScheduleChanges();
            added.ShouldBe(FeedCount, "each feed is scheduled by exactly one node\n" + cluster.AllOutput());
            changed.ShouldBe(0, "a node finding the same schedule changes nothing");
            removed.ShouldBe(0);

            // The baseline poll of every feed has committed once a feed answers a second request.
            (await Eventually.TrueAsync(() => feeds.All(f => f.Requests >= 2), TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(cluster.AllOutput());

            // Every node sees the edit; exactly one reschedules the changed feed, the others find it done.
            cluster.WriteConfig(feeds, hook, slowFeed: FeedCount - 1);
            (await Eventually.TrueAsync(() => Enumerable.Range(0, 3).All(i => cluster.Count(i, "Schedule applied") >= 2), TimeSpan.FromSeconds(30), ct))
                .ShouldBeTrue("every node applies the reloaded config\n" + cluster.AllOutput());
            cluster.ScheduleChanges().ShouldBe((FeedCount, 1, 0), "the reload reschedules the one changed feed once across the cluster\n" + cluster.AllOutput());

            // The rescheduled trigger is in the shared store at once, but a node busy with the other feeds on this
            // loaded machine may fire it on its old cadence for a few seconds more: measure once the new one shows
            // (a reschedule that never took effect fails here).
            (await SlowFeedShowsItsNewIntervalAsync(feeds[FeedCount - 1], ct)).ShouldBeTrue("the reloaded 2 s interval comes into force\n" + cluster.AllOutput());

            // Polls in a window: about one per feed per interval across the cluster; three nodes each polling would triple it.
            var before = feeds.Select(f => f.Requests).ToArray();
            var window = TimeSpan.FromSeconds(10);
            await Task.Delay(window, ct);
            var polls = feeds.Select((f, i) => f.Requests - before[i]).ToArray();
            var expected = (FeedCount - 1) * window.TotalSeconds + window.TotalSeconds / 2;
            log?.WriteLine($"polls in {window.TotalSeconds:0} s: {string.Join(", ", polls)} (3 feeds every 1 s, 1 every 2 s: about {expected:0} in all; one poll per node would be {3 * expected:0})");
            polls.Sum().ShouldBeLessThanOrEqualTo((int)(expected * 1.4), "each feed is polled about once per interval in total");
            polls.Sum().ShouldBeGreaterThanOrEqualTo((int)(expected / 3), "the cluster keeps polling");
            polls[FeedCount - 1].ShouldBeLessThanOrEqualTo((int)(window.TotalSeconds / 2) + 2, "the reloaded 2 s interval is in force");

            // Items appear over time; node 0 dies with SIGKILL halfway, in the middle of polling and delivering.
            var killedAt = DateTime.MinValue;
            for (var n = 0; n < ItemCount; n++)
            {
                feeds[n % FeedCount].AddItem($"troops-{n}", $"Troops report {n}", $"Troops moved near checkpoint {n}.");
                if (n == ItemCount / 2)
                {
                    cluster.Nodes[0].KillHard();
                    killedAt = DateTime.UtcNow;
                }
                await Task.Delay(300, ct);
            }

            var allIds = () => hook.Requests.Select(r => r.Id).Distinct().Count();
            var delivered = await Eventually.TrueAsync(() => allIds() >= ItemCount, TimeSpan.FromSeconds(45), ct);
            var gaps = sampler.LongestGaps(killedAt);
            log?.WriteLine($"longest time a feed went unpolled after the kill: {gaps.Max().TotalSeconds:0.0} s ({string.Join(", ", gaps.Select(g => $"{g.TotalSeconds:0.0}"))})");
            log?.WriteLine($"all items delivered {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after the kill");
            delivered.ShouldBeTrue($"every item is delivered after the kill; got {allIds()} of {ItemCount}\n{cluster.AllOutput()}");
            await Task.Delay(2000, ct); // anything sent twice would arrive meanwhile

            var byId = hook.Requests.GroupBy(r => r.Id).ToDictionary(g => g.Key!, g => g.Count());
            var titles = hook.Requests.Select(r => r.Body).ToList();
            for (var n = 0; n < ItemCount; n++)
                titles.Count(b => b.Contains($"\"Troops report {n}\"", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1, $"item {n} is alerted");
            byId.Count.ShouldBe(ItemCount, "one alert per item, none for the calm items");
            byId.Values.ShouldAllBe(c => c <= 2, "a send is repeated at most once");
            byId.Count(kv => kv.Value > 1).ShouldBeLessThanOrEqualTo(1, "only a send in flight on the killed node may be repeated");
            gaps.Max().ShouldBeLessThan(TimeSpan.FromSeconds(30), "the killed node's feeds are taken over within 30 s");

            await StatusShowsEveryFeedAsync(cluster, ct);
            foreach (var node in cluster.Nodes.Skip(1)) node.Terminate();
            foreach (var node in cluster.Nodes.Skip(1))
            {
                (await node.WaitForExitAsync(TimeSpan.FromSeconds(20), ct)).ShouldBeTrue("SIGTERM stops a node");
                node.ExitCode.ShouldBe(0, node.StandardError);
            }
        }
        finally
        {
            foreach (var feed in feeds) await feed.DisposeAsync();
        }
    }

    /// <summary><c>status</c> from any machine with the config reads the shared database.</summary>
    /// <summary>True once the feed gets at most 2 polls in 3 s (a 1 s cadence gives 3), within 30 s.</summary>
    private static async Task<bool> SlowFeedShowsItsNewIntervalAsync(FeedServer feed, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var before = feed.Requests;
            await Task.Delay(3000, ct);
            if (feed.Requests - before <= 2) return true;
        }
        return false;
    }

    private static async Task StatusShowsEveryFeedAsync(ClusterNodes cluster, CancellationToken ct)
    {
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(
            cluster.ConfigDirectory, cluster.Environment(9), ct, "status", "--json", "--config", cluster.ConfigDirectory);
        code.ShouldBe(0, stderr);
        for (var i = 0; i < FeedCount; i++) stdout.ShouldContain($"\"feed-{i}\"");
    }
}
