using System.Text;
using Aggregator.Configuration;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class RedirectTests
{
    private static Task Redirect(Stream stream, int status, string location, CancellationToken ct) =>
        RawHttpServer.RespondAsync(stream, status, status == 301 ? "Moved Permanently" : "Found", "", ct, ("Location", location));

    [Fact]
    public async Task A_relative_location_is_followed_and_a_temporary_hop_is_not_permanent()
    {
        await using var server = new RawHttpServer((request, stream, ct) => request.Path switch
        {
            "/old" => Redirect(stream, 301, "/middle", ct),
            "/middle" => Redirect(stream, 302, "new", ct),
            _ => RawHttpServer.RespondAsync(stream, 200, "OK", request.Path, ct),
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url("/old"));

        outcome.Status.ShouldBe(FetchStatus.Ok);
        Encoding.UTF8.GetString(outcome.Body.ShouldNotBeNull()).ShouldBe("/new");
        outcome.FinalLocation.ShouldBe(server.Url("/new"));
        outcome.PermanentRedirect.ShouldBeNull();
    }

    [Fact]
    public async Task A_chain_of_permanent_hops_reports_the_final_url()
    {
        await using var server = new RawHttpServer((request, stream, ct) => request.Path switch
        {
            "/a" => Redirect(stream, 301, "/b", ct),
            "/b" => RawHttpServer.RespondAsync(stream, 308, "Permanent Redirect", "", ct, ("Location", "/c")),
            _ => RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct),
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url("/a"));

        outcome.Status.ShouldBe(FetchStatus.Ok);
        outcome.PermanentRedirect.ShouldBe(server.Url("/c"));
    }

    [Fact]
    public async Task A_redirect_loop_is_an_error()
    {
        await using var server = new RawHttpServer((request, stream, ct) =>
            Redirect(stream, 302, request.Path == "/a" ? "/b" : "/a", ct));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxRedirects: 10));

        var outcome = await fetcher.FetchAsync(server.Url("/a"));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe($"redirect loop at {server.Url("/a")}");
    }

    [Fact]
    public async Task Too_many_redirects_is_an_error()
    {
        await using var server = new RawHttpServer((request, stream, ct) =>
            Redirect(stream, 302, request.Path + "x", ct));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxRedirects: 3));

        var outcome = await fetcher.FetchAsync(server.Url("/r"));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldStartWith("too many redirects (more than 3)");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/feed.xml")]
    public async Task A_redirect_off_http_is_refused(string target)
    {
        await using var server = new RawHttpServer((_, stream, ct) => Redirect(stream, 302, target, ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldStartWith($"redirect to {target} refused: only http and https");
        outcome.Body.ShouldBeNull();
    }

    [Fact]
    public async Task A_redirect_without_a_location_is_an_error()
    {
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 302, "Found", "", ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe($"redirect without a Location header (HTTP 302 from {server.Url()})");
    }

    [Fact]
    public async Task A_redirect_to_a_location_with_a_backslash_is_refused()
    {
        await using var server = new RawHttpServer((_, stream, ct) => Redirect(stream, 302, "http://127.0.0.1\\@example.org/", ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldContain("backslash");
    }

    [Fact]
    public async Task A_redirect_to_a_network_that_is_not_allowed_is_refused_before_connecting()
    {
        await using var inner = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 200, "OK", "secret", ct));
        await using var outer = new RawHttpServer((_, stream, ct) => Redirect(stream, 302, inner.Url().ToString(), ct), "127.0.0.2");
        using var fetcher = TestFetchers.Create(network: new NetworkOptions { AllowedPrivateNetworks = [System.Net.IPNetwork.Parse("127.0.0.2/32")] });

        var outcome = await fetcher.FetchAsync(outer.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe("refused: 127.0.0.1 is a loopback address (set network.allowedPrivateNetworks to allow it)");
        outcome.Body.ShouldBeNull();
        outer.Connections.ShouldBe(1);
        inner.Connections.ShouldBe(0);
    }
}
