using System.Net;
using Aggregator.Configuration;
using Aggregator.Fetching;
using Aggregator.Network;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class SsrfGuardTests
{
    [Fact]
    public async Task Loopback_is_refused_by_default_without_connecting()
    {
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", "secret", ct));
        using var fetcher = TestFetchers.Create(network: new NetworkOptions());

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("refused: 127.0.0.1 is a loopback address (set network.allowedPrivateNetworks to allow it)");
        outcome.Body.ShouldBeNull();
        server.Connections.ShouldBe(0);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused()
    {
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", "secret", ct));
        using var fetcher = TestFetchers.Create(network: new NetworkOptions());

        var outcome = await fetcher.FetchAsync(new Uri($"http://localhost:{server.Port}/feed"));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldStartWith("refused: ");
        outcome.Error.ShouldContain("is a loopback address");
        server.Connections.ShouldBe(0);
    }

    [Fact]
    public async Task Ipv6_loopback_is_refused_by_default_and_reachable_when_allowed()
    {
        if (!System.Net.Sockets.Socket.OSSupportsIPv6) Assert.Skip("no IPv6 on this machine");
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct), "::1");
        var url = new Uri($"http://[::1]:{server.Port}/feed");
        using var guarded = TestFetchers.Create(network: new NetworkOptions());
        using var allowed = TestFetchers.Create(network: new NetworkOptions { AllowedPrivateNetworks = [System.Net.IPNetwork.Parse("::1/128")] });

        var refused = await guarded.FetchAsync(url);
        var fetched = await allowed.FetchAsync(url);

        refused.Error.ShouldBe("refused: ::1 is a loopback address (set network.allowedPrivateNetworks to allow it)");
        fetched.Status.ShouldBe(FetchStatus.Ok);
        server.Connections.ShouldBe(1);
    }

    [Fact]
    public async Task An_ipv4_mapped_ipv6_literal_is_checked_as_ipv4()
    {
        using var fetcher = TestFetchers.Create(network: new NetworkOptions());

        var outcome = await fetcher.FetchAsync(new Uri("http://[::ffff:169.254.169.254]/latest/meta-data/"));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("refused: ::ffff:169.254.169.254 is a link-local address (set network.allowedPrivateNetworks to allow it)");
    }

    [Fact]
    public async Task Allowing_private_networks_disables_the_guard()
    {
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct));
        using var fetcher = TestFetchers.Create(network: new NetworkOptions { AllowPrivateNetworks = true });

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Ok);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed.xml", "unsupported location")]
    [InlineData("gopher://127.0.0.1/feed", "unsupported location")]
    [InlineData("http://127.0.0.1/feeds\\world.xml", "backslash")]
    public async Task Only_http_and_https_urls_without_backslashes_are_requested(string url, string expected)
    {
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new Uri(url));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public async Task The_handler_factory_refuses_at_connect_for_any_client()
    {
        var policy = new NetworkPolicy(new NetworkOptions());
        var refused = await Should.ThrowAsync<AddressRefusedException>(async () =>
            await GuardedHttpHandler.ConnectAsync(policy, new DnsEndPoint("10.1.2.3", 80), TestContext.Current.CancellationToken));
        refused.Message.ShouldBe("refused: 10.1.2.3 is a private address (set network.allowedPrivateNetworks to allow it)");

        using var handler = GuardedHttpHandler.Create(policy);
        handler.AllowAutoRedirect.ShouldBeFalse();
        handler.UseCookies.ShouldBeFalse();
        handler.UseProxy.ShouldBeFalse();
        handler.AutomaticDecompression.ShouldBe(DecompressionMethods.All);
        handler.ConnectCallback.ShouldNotBeNull();
    }
}
