using System.Text;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class BodyLimitTests
{
    private const int Cap = 1024 * 1024;

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_before_the_body_is_read()
    {
        // Announces 2 MiB, sends 10 bytes and waits: only the header check can answer before the deadline.
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n0123456789"), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: Cap));

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("body exceeds 1 MiB (Content-Length 2097152)");
        outcome.Body.ShouldBeNull();
    }

    [Fact]
    public async Task A_body_without_length_is_stopped_at_the_cap()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"), ct);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64; i++) await stream.WriteAsync(chunk, ct);
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: Cap));

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("body exceeds 1 MiB");
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_stopped()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), ct);
            var chunk = new byte[32 * 1024];
            for (var i = 0; i < 100; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), ct);
                await stream.WriteAsync(chunk, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), ct);
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: Cap));

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("body exceeds 1 MiB");
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_accepted()
    {
        var body = new byte[Cap];
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", body, ct));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: Cap));

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Ok);
        outcome.Body.ShouldNotBeNull().Length.ShouldBe(Cap);
    }
}
