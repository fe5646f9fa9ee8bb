using System.Globalization;
using System.Net;
using System.Text;
using Aggregator.Pipeline;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Scheduling;

/// <summary>
/// The dispatcher runs polls for whatever finds them due: at most <c>settings.polling.concurrency</c> at once, never two
/// of one feed, each slot held for the whole fetch of a slow server and given back when it ends.
/// </summary>
public sealed class PollDispatcherTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Feeds = 12;
    private const int Slots = 4;

    [Fact]
    public async Task Polls_beyond_the_concurrency_wait_for_a_slot_and_a_feed_in_flight_is_not_started_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new SlowFeeds();
        using var dir = new TempDirectory();
        var feeds = string.Concat(Enumerable.Range(0, Feeds).Select(i => $"  - {{ id: f{i}, url: \"{server.Url(i)}\", every: 1h }}\n"));
        await using var harness = await PipelineHarness.CreateAsync(dir, $$"""
            settings:
              polling: { concurrency: {{Slots}}, perHostConcurrency: {{Feeds}} }
            feeds:
            {{feeds}}
            """, ct);
        var dispatcher = harness.Services.GetRequiredService<PollDispatcher>();
        dispatcher.Concurrency.ShouldBe(Slots);

        for (var i = 0; i < Feeds; i++) dispatcher.TryStart(new PollTicket($"f{i}")).ShouldBeTrue();
        dispatcher.TryStart(new PollTicket("f0")).ShouldBeFalse("f0 is being polled already");
        dispatcher.Free.ShouldBe(0, "twelve feeds taken, four polling, eight waiting for a slot");

        (await Eventually.TrueAsync(() => server.Waiting == Slots, TimeSpan.FromSeconds(10), ct)).ShouldBeTrue($"{server.Waiting} requests held");
        await Task.Delay(300, ct);
        server.Waiting.ShouldBe(Slots, "no fifth request while four are in flight");

        server.Release();
        await dispatcher.IdleAsync().WaitAsync(TimeSpan.FromSeconds(20), ct);
        server.Served.ShouldBe(Feeds);
        server.Peak.ShouldBe(Slots);
        dispatcher.Free.ShouldBe(Slots);
        for (var i = 0; i < Feeds; i++)
            (await harness.Store.GetFeedStateAsync($"f{i}", ct)).ShouldNotBeNull().LastResult.ShouldBe(Aggregator.Storage.PollOutcome.Parsed);
    }

    [Fact]
    public async Task A_claim_for_a_feed_still_polled_here_runs_after_that_poll_not_beside_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        await using var server = new SlowFeeds();
        using var dir = new TempDirectory();
        await using var harness = await PipelineHarness.CreateAsync(dir, $$"""
            settings:
              scheduler: { clustered: true }
            feeds:
              - { id: f0, url: "{{server.Url(0)}}", every: 1m }
            """, ct, postgres: connectionString);
        var dispatcher = harness.Services.GetRequiredService<PollDispatcher>();
        ScheduleLease Claim() => new("f0", Guid.NewGuid(), DateTimeOffset.UtcNow, TimeSpan.Zero, null, null);

        dispatcher.TryStart(new PollTicket("f0", Claim())).ShouldBeTrue();
        (await Eventually.TrueAsync(() => server.Waiting == 1, TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        dispatcher.TryStart(new PollTicket("f0", Claim())).ShouldBeTrue("a claim is never dropped");
        dispatcher.TryStart(new PollTicket("f0")).ShouldBeFalse("a trigger's fire is");
        await Task.Delay(300, ct);
        server.Waiting.ShouldBe(1, "the second poll waits for the first");

        server.Release();
        await dispatcher.IdleAsync().WaitAsync(TimeSpan.FromSeconds(20), ct);
        (await Eventually.TrueAsync(() => server.Served == 2, TimeSpan.FromSeconds(10), ct)).ShouldBeTrue($"{server.Served} served");
        server.Peak.ShouldBe(1);
    }

    /// <summary>Feeds whose server holds every answer until <see cref="Release"/>, counting the requests held at once.</summary>
    private sealed class SlowFeeds : IAsyncDisposable
    {
        private readonly LoopbackHttpServer _server;
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<Task> _answers = [];
        private int _waiting;
        private int _peak;
        private int _served;

        public SlowFeeds()
        {
            _server = new LoopbackHttpServer(context =>
            {
                // Answered in the background: the listener takes the next request while this one waits.
                lock (_answers) _answers.Add(AnswerAsync(context));
                return Task.CompletedTask;
            });
        }

        public int Waiting => Volatile.Read(ref _waiting);
        public int Peak => Volatile.Read(ref _peak);
        public int Served => Volatile.Read(ref _served);

        public Uri Url(int feed) => new(_server.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"feeds/{feed}.xml"));

        public void Release() => _gate.TrySetResult();

        private async Task AnswerAsync(HttpListenerContext context)
        {
            var now = Interlocked.Increment(ref _waiting);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
            await _gate.Task;
            Interlocked.Decrement(ref _waiting);
            var body = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>https://news.example.org/</link><description>d</description>
                <item><title>Story of {context.Request.Url!.AbsolutePath}</title><link>https://news.example.org{context.Request.Url.AbsolutePath}</link></item>
                </channel></rss>
                """);
            context.Response.ContentType = "application/rss+xml";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
            Interlocked.Increment(ref _served);
        }

        public async ValueTask DisposeAsync()
        {
            Release();
            Task[] answers;
            lock (_answers) answers = [.. _answers];
            await Task.WhenAll(answers);
            await _server.DisposeAsync();
        }
    }
}
