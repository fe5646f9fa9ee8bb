using System.Net;
using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>What the console's JSON twins say about a running worker: a refused reload with its positions, a feed's poll log and items, filters.</summary>
public sealed class ConsolePagesTests
{
    /// <summary>Settings of every test here: fast polls of feeds on loopback, the console on a free loopback port without sign-in.</summary>
    private const string LoopbackConsole = """
        settings:
          polling: { minEvery: 1s }
          network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
          console: { listen: "127.0.0.1:0", auth: { mode: none } }
        """;

    [Fact]
    public async Task The_dashboard_shows_a_refused_reload_with_each_problem_at_its_position_and_the_generation_in_force()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", LoopbackConsole);
        work.Write("config/feeds.yaml", $"""
            feeds:
              - id: world
                url: "{feed.FeedUrl}"
                every: 2s
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        using (var start = JsonDocument.Parse(await console.Http.GetStringAsync("/api/dashboard", ct)))
        {
            start.RootElement.GetProperty("configGeneration").GetInt64().ShouldBe(1);
            start.RootElement.GetProperty("lastReload").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        work.Write("config/feeds.yaml", $"""
            feeds:
              - id: world
                url: "{feed.FeedUrl}"
                every: soon
            """);
        JsonElement reload = default;
        (await Eventually.TrueAsync(async () =>
        {
            using var doc = JsonDocument.Parse(await console.Http.GetStringAsync("/api/dashboard", ct));
            reload = doc.RootElement.GetProperty("lastReload").Clone();
            return reload.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(15), ct)).ShouldBeTrue(console.Output);

        reload.GetProperty("accepted").GetBoolean().ShouldBeFalse();
        var error = reload.GetProperty("errors").EnumerateArray().Single().GetString()!;
        error.ShouldStartWith(Path.Combine(work.Path, "config", "feeds.yaml") + ":4:12: error:");
        error.ShouldContain("soon");
        var html = await console.Http.GetStringAsync("/", ct);
        html.ShouldContain("refused; the previous configuration stays in force");
        html.ShouldContain("feeds.yaml:4:12: error:");
        using var after = JsonDocument.Parse(await console.Http.GetStringAsync("/api/dashboard", ct));
        after.RootElement.GetProperty("configGeneration").GetInt64().ShouldBe(1, "the refused edit is not in force");
    }

    [Fact]
    public async Task A_feeds_page_shows_its_poll_log_and_newest_archived_items_and_messages_filter_by_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            {{LoopbackConsole}}
            feeds:
              - { id: world, url: "{{feed.FeedUrl}}", every: 1s, firstPoll: notify }
            rules:
              - { id: border, query: troops AND border, notify: [desk] }
            subscribers:
              - { id: desk, email: [desk@example.org] }
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);

        (await Eventually.TrueAsync(() => feed.NotModifiedAnswers > 0, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
        using var world = JsonDocument.Parse(await console.Http.GetStringAsync("/api/feeds/world", ct));
        var polls = world.RootElement.GetProperty("polls").EnumerateArray().ToList();
        polls.Select(p => p.GetProperty("outcome").GetString()).ShouldContain("ok");
        polls.Select(p => p.GetProperty("outcome").GetString()).ShouldContain("not-modified");
        polls.Last().GetProperty("newItems").GetInt32().ShouldBe(1, "the first poll found the item");
        world.RootElement.GetProperty("recentItems").EnumerateArray().Single().GetProperty("title").GetString().ShouldBe("Troops gather near the border");
        world.RootElement.GetProperty("feed").GetProperty("recent").GetArrayLength().ShouldBe(polls.Count);

        (await Eventually.TrueAsync(async () =>
            JsonDocument.Parse(await console.Http.GetStringAsync("/api/deliveries?status=sent", ct)).RootElement.GetProperty("messages").GetArrayLength() == 1,
            TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
        using var future = JsonDocument.Parse(await console.Http.GetStringAsync("/api/deliveries?since=2999-01-01", ct));
        future.RootElement.GetProperty("messages").GetArrayLength().ShouldBe(0, "nothing was created after that");
        using var past = JsonDocument.Parse(await console.Http.GetStringAsync("/api/deliveries?since=2000-01-01&rule=border", ct));
        var message = past.RootElement.GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("rules").EnumerateArray().Single().GetString().ShouldBe("border");
        (await console.Http.GetAsync($"/deliveries/{message.GetProperty("id").GetInt64()}", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await console.Http.GetStringAsync($"/api/deliveries/{message.GetProperty("id").GetInt64()}", ct);
        shown.ShouldContain("Subject: [border] Troops gather near the border");
    }

    [Fact]
    public async Task Api_status_is_the_object_status_json_prints()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            {{LoopbackConsole}}
            feeds:
              - { id: world, url: "{{feed.FeedUrl}}", every: 1h, firstPoll: notify }
              - { id: broken, url: "http://127.0.0.1:9/gone.xml", every: 1h }
              - { id: never, url: "http://127.0.0.1:9/never.xml", cron: "0 0 0 1 1 ?" }
            rules:
              - { id: border, query: troops AND border, notify: [desk] }
              - { id: quiet, query: submarine, notify: [desk] }
            subscribers:
              - { id: desk, email: [desk@example.org] }
            """);
        string api;
        using (var console = await ConsoleWorker.StartAsync(work, null, ct))
        {
            (await Eventually.TrueAsync(async () =>
                JsonDocument.Parse(await console.Http.GetStringAsync("/api/deliveries?status=sent", ct)).RootElement.GetProperty("messages").GetArrayLength() == 1
                && (await console.Http.GetStringAsync("/api/feeds/broken", ct)).Contains("\"failures\":1", StringComparison.Ordinal),
                TimeSpan.FromSeconds(70), ct)).ShouldBeTrue(console.Output);
            api = await console.Http.GetStringAsync("/api/status", ct);
        }

        var (code, cli, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", "config");

        code.ShouldBe(0, stderr);
        Without("at", api).ShouldBe(Without("at", cli), "the console answers with the status command's object, key for key");
        using var doc = JsonDocument.Parse(api);
        doc.RootElement.GetProperty("feeds").GetArrayLength().ShouldBe(3);
        doc.RootElement.GetProperty("rules")[0].GetProperty("matches").GetInt64().ShouldBe(1);
    }

    private static string Without(string key, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(key);
        return node.ToJsonString();
    }
}
