using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class NetworkFailureTests
{
    [Fact]
    public async Task A_closed_port_fails_with_a_reason()
    {
        int port;
        await using (var server = new RawHttpServer((_, _, _) => Task.CompletedTask)) port = server.Port; // now closed
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/feed"));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe($"connection refused by 127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_server_that_does_not_speak_tls_fails_the_handshake()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
        }, ct);
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new Uri($"https://127.0.0.1:{port}/feed"));
        await serve;

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldStartWith("TLS handshake with 127.0.0.1 failed: ");
    }

    [Fact]
    public async Task A_body_cut_short_is_a_failure_not_a_feed()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<rss>"u8.ToArray(), ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("127.0.0.1 closed the connection before the response was complete");
        outcome.Body.ShouldBeNull();
    }

    [Fact]
    public async Task A_reply_that_is_not_http_is_a_failure()
    {
        await using var server = new RawHttpServer(async (_, stream, ct) =>
            await stream.WriteAsync("SSH-2.0-OpenSSH_9.6\r\n\r\n"u8.ToArray(), ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("127.0.0.1 sent an invalid HTTP response");
    }

    [Fact]
    public void Wire_failures_read_as_one_line_for_the_operator()
    {
        var feed = new Uri("https://feeds.example.org:8443/world.xml");

        FailureText.Describe(new HttpRequestException("x", new SocketException((int)SocketError.HostNotFound)), feed)
            .ShouldBe("DNS lookup failed for feeds.example.org");
        FailureText.Describe(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known"), feed)
            .ShouldBe("DNS lookup failed for feeds.example.org");
        FailureText.Describe(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), feed)
            .ShouldBe("connection refused by feeds.example.org:8443");
        FailureText.Describe(new HttpRequestException("x", new AuthenticationException("remote certificate is invalid")), feed)
            .ShouldBe("TLS handshake with feeds.example.org failed: remote certificate is invalid");
        FailureText.Describe(new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), feed)
            .ShouldBe("feeds.example.org closed the connection before the response was complete");
        FailureText.Describe(new InvalidOperationException("first\r\nsecond"), feed)
            .ShouldBe("request to feeds.example.org failed: first\\r\\nsecond");
    }
}
