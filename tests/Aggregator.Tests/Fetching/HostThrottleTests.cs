using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task A_host_gets_at_most_its_slots_and_other_hosts_are_independent()
    {
        var ct = TestContext.Current.CancellationToken;
        using var throttle = new HostThrottle(2);
        var first = await throttle.AcquireAsync("example.org", ct);
        using var second = await throttle.AcquireAsync("EXAMPLE.org", ct);

        var third = throttle.AcquireAsync("example.org", ct).AsTask();
        third.IsCompleted.ShouldBeFalse();
        using var other = await throttle.AcquireAsync("example.net", ct);

        first.Dispose();
        first.Dispose(); // a second dispose must not free an extra slot
        using var thirdLease = await third.WaitAsync(TimeSpan.FromSeconds(10), ct);
        throttle.AcquireAsync("example.org", ct).AsTask().IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Concurrent_fetches_to_one_host_stay_within_the_limit()
    {
        var inFlight = 0;
        var most = 0;
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(300, ct);
            Interlocked.Decrement(ref inFlight);
            await RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct);
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(timeout: TimeSpan.FromSeconds(10), perHost: 2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fetcher.FetchAsync(server.Url())));

        outcomes.ShouldAllBe(o => o.Status == FetchStatus.Ok);
        server.Connections.ShouldBe(6);
        Volatile.Read(ref most).ShouldBeInRange(1, 2);
    }

    [Fact]
    public async Task Waiting_for_a_slot_does_not_count_against_the_deadline()
    {
        // One slot, four fetches of 400ms each: the last waits ~1.2s, past the 1.5s deadline only if queueing counted.
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await Task.Delay(400, ct);
            await RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct);
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(timeout: TimeSpan.FromMilliseconds(1500), perHost: 1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.FetchAsync(server.Url())));

        outcomes.ShouldAllBe(o => o.Status == FetchStatus.Ok);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
