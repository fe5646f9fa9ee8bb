using System.Text.Json;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Clustering;

/// <summary>
/// Two real worker processes on one PostgreSQL database poll two feeds that carry the same stories at the same moment:
/// whichever node commits a copy first alerts, the other records its copy with that alert, so each story reaches the
/// subscriber once.
/// </summary>
public sealed class ClusteredStoryTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Stories = 6;

    [Fact]
    public async Task Two_nodes_polling_two_feeds_with_the_same_stories_send_one_alert_per_story()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var wire = new FeedServer("Wire Service");
        await using var paper = new FeedServer("The Paper");
        await using var hook = new WebhookReceiver();
        using var cluster = new ClusterNodes(dir, connectionString);
        cluster.WriteConfig([wire, paper], hook);
        cluster.StartAll(2);
        for (var i = 0; i < 2; i++)
            (await cluster.Nodes[i].WaitForOutputAsync("Aggregator started", TimeSpan.FromSeconds(60), ct)).ShouldBeTrue(cluster.AllOutput());
        (await Eventually.TrueAsync(() => wire.Requests >= 2 && paper.Requests >= 2, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(cluster.AllOutput());

        for (var n = 0; n < Stories; n++)
        {
            var title = $"Troops cross the river at checkpoint {n} before dawn";
            var lead = $"Soldiers crossed the river near checkpoint {n} before dawn on Friday, witnesses said, as the ceasefire frayed.";
            wire.AddItem($"wire-{n}", title, lead);
            paper.AddItem($"paper-{n}", title, lead);
            await Task.Delay(700, ct);
        }

        (await Eventually.TrueAsync(() => Titles(hook).Distinct().Count() == Stories, TimeSpan.FromSeconds(45), ct))
            .ShouldBeTrue($"every story is alerted: {string.Join(" | ", Titles(hook))}\n{cluster.AllOutput()}");
        await Task.Delay(3000, ct); // a second alert for any story would arrive meanwhile

        var alerts = hook.Requests.GroupBy(r => r.Id).Select(g => g.First()).ToList();
        alerts.Count.ShouldBe(Stories, $"one alert per story across both feeds and both nodes: {string.Join(" | ", Titles(hook))}");
        Titles(hook).GroupBy(t => t).ShouldAllBe(g => g.Count() == 1);
    }

    /// <summary>The item title of every alert the receiver got, once per delivery id.</summary>
    private static List<string> Titles(WebhookReceiver hook) =>
        [.. hook.Requests.GroupBy(r => r.Id).Select(g =>
        {
            using var json = JsonDocument.Parse(g.First().Body);
            return json.RootElement.GetProperty("data").GetProperty("item").GetProperty("title").GetString()!;
        })];
}
