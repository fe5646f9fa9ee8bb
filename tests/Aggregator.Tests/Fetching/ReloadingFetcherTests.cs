using Aggregator.Configuration;
using Aggregator.Fetching;
using Aggregator.Tests.Configuration;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Tests.Fetching;

/// <summary>The worker's fetcher after a reload that changes the polling settings, against a loopback server.</summary>
public sealed class ReloadingFetcherTests
{
    private const int BodySize = 600 * 1024;

    [Fact]
    public async Task A_lower_body_cap_applies_from_the_next_fetch_while_a_running_fetch_keeps_the_old_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = new byte[BodySize];
        Array.Fill(body, (byte)'x');
        await using var server = new RawHttpServer(async (request, stream, token) =>
        {
            if (request.Path == "/slow") await release.Task.WaitAsync(token);
            await RawHttpServer.RespondAsync(stream, 200, "OK", body, token);
        });
        var active = new ActiveConfig(Snapshot(TestFetchers.Polling(maxBodySize: 1024 * 1024)));
        using var fetcher = new ReloadingFeedFetcher(active, TimeProvider.System, NullLogger<FeedFetcher>.Instance);

        (await fetcher.FetchAsync(new FetchRequest(server.Url(), null, null), ct)).Status.ShouldBe(FetchStatus.Ok);
        var running = fetcher.FetchAsync(new FetchRequest(server.Url("/slow"), null, null), ct);
        (await Eventually.TrueAsync(() => server.Connections >= 2, TimeSpan.FromSeconds(5), ct)).ShouldBeTrue("the slow fetch reached the server");

        active.Swap(Snapshot(TestFetchers.Polling(maxBodySize: 512 * 1024)));

        var next = await fetcher.FetchAsync(new FetchRequest(server.Url(), null, null), ct);
        next.Status.ShouldBe(FetchStatus.Failed);
        next.Error.ShouldBe($"body exceeds 512 KiB (Content-Length {BodySize})");
        release.SetResult();
        var finished = await running;
        finished.Status.ShouldBe(FetchStatus.Ok, "a fetch that started before the reload ends on its own client and cap");
        finished.Body!.Length.ShouldBe(BodySize);
    }

    [Fact]
    public async Task Only_a_change_to_how_feeds_are_fetched_replaces_the_client()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new RawHttpServer(async (_, stream, token) => await RawHttpServer.RespondAsync(stream, 200, "OK", "<rss/>", token));
        var polling = TestFetchers.Polling();
        var active = new ActiveConfig(Snapshot(polling));
        var log = new ListLogger<FeedFetcher>();
        using var fetcher = new ReloadingFeedFetcher(active, TimeProvider.System, log);

        active.Swap(Snapshot(polling with { DefaultEvery = TimeSpan.FromMinutes(3), MinEvery = TimeSpan.FromMinutes(2) }));
        (await fetcher.FetchAsync(new FetchRequest(server.Url(), null, null), ct)).Status.ShouldBe(FetchStatus.Ok);
        log.Entries.ShouldNotContain(e => e.Message.StartsWith("Fetch settings changed", StringComparison.Ordinal), "intervals belong to the schedule");

        active.Swap(Snapshot(polling with { PerHostConcurrency = 4 }));
        (await fetcher.FetchAsync(new FetchRequest(server.Url(), null, null), ct)).Status.ShouldBe(FetchStatus.Ok);
        log.Entries.ShouldContain(e => e.Message.StartsWith("Fetch settings changed", StringComparison.Ordinal) && e.Message.Contains("4 per host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tightened_network_policy_refuses_the_next_fetch_even_to_a_host_already_connected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var feeds = new FeedServer();
        var polling = TestFetchers.Polling();
        var active = new ActiveConfig(Snapshot(polling));
        using var fetcher = new ReloadingFeedFetcher(active, TimeProvider.System, NullLogger<FeedFetcher>.Instance);
        (await fetcher.FetchAsync(new FetchRequest(feeds.FeedUrl, null, null), ct)).Status.ShouldBe(FetchStatus.Ok);

        active.Swap(Snapshot(polling, new NetworkOptions()));

        var refused = await fetcher.FetchAsync(new FetchRequest(feeds.FeedUrl, null, null), ct);
        refused.Status.ShouldBe(FetchStatus.Failed, "the pooled keep-alive connection belongs to the old client");
        refused.Error.ShouldBe("refused: 127.0.0.1 is a loopback address (set network.allowedPrivateNetworks to allow it)");
    }

    private static ConfigSnapshot Snapshot(PollingOptions polling, NetworkOptions? network = null) =>
        ConfigSnapshot.Create(new AggregatorConfig
        {
            Directory = Path.GetTempPath(),
            Settings = new SettingsOptions { Polling = polling, Network = network ?? TestFetchers.LoopbackAllowed },
        });
}
