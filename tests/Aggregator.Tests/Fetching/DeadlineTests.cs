using System.Diagnostics;
using System.Text;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class DeadlineTests
{
    // Generous upper bound: the point is that the fetch ends, not how fast.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_body_trickling_one_byte_a_second_is_stopped_at_the_deadline()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"), ct);
            for (var i = 0; i < 100; i++)
            {
                await stream.WriteAsync("x"u8.ToArray(), ct);
                await stream.FlushAsync(ct);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(timeout: TimeSpan.FromSeconds(2)));

        var clock = Stopwatch.StartNew();
        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("timed out after 2s");
        outcome.Body.ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_times_out()
    {
        await using var server = new RawHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(timeout: TimeSpan.FromMilliseconds(1500)));

        var clock = Stopwatch.StartNew();
        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("timed out after 1500ms");
        clock.Elapsed.ShouldBeLessThan(Bound);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates()
    {
        await using var server = new RawHttpServer((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(timeout: TimeSpan.FromSeconds(30)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => fetcher.FetchAsync(new FetchRequest(server.Url()), cancel.Token));
    }
}
