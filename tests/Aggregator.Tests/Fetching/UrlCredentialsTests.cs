using System.Text;
using Aggregator.Configuration;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

/// <summary>Credentials in a feed URL: sent as Basic authentication to that origin only, and never shown.</summary>
public sealed class UrlCredentialsTests
{
    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    private static Uri WithUserInfo(Uri url, string userInfo) => new($"{url.Scheme}://{userInfo}@{url.Authority}{url.PathAndQuery}");

    [Fact]
    public async Task The_userinfo_is_sent_as_basic_authentication_and_not_in_the_request_line()
    {
        var seen = new List<RawRequest>();
        await using var server = new RawHttpServer((request, stream, ct) =>
        {
            lock (seen) seen.Add(request);
            return RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct);
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(WithUserInfo(server.Url("/feed.xml"), "alice:s3cr%2Ft%40x"));

        outcome.Status.ShouldBe(FetchStatus.Ok);
        var request = seen.ShouldHaveSingleItem();
        request.Header("Authorization").ShouldBe(Basic("alice:s3cr/t@x"), "percent-escapes are decoded");
        request.Path.ShouldBe("/feed.xml");
        outcome.FinalLocation.ShouldBe(server.Url("/feed.xml"), "what is stored and used as the base of links has no userinfo");
    }

    [Fact]
    public async Task A_redirect_within_the_origin_keeps_the_credentials_and_one_to_another_origin_drops_them()
    {
        var seen = new List<RawRequest>();
        await using var other = new RawHttpServer((request, stream, ct) =>
        {
            lock (seen) seen.Add(request);
            return RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct);
        });
        await using var server = new RawHttpServer((request, stream, ct) =>
        {
            lock (seen) seen.Add(request);
            return request.Path switch
            {
                "/old" => RawHttpServer.RespondAsync(stream, 301, "Moved Permanently", "", ct, ("Location", "/new")),
                _ => RawHttpServer.RespondAsync(stream, 302, "Found", "", ct, ("Location", other.Url("/elsewhere").AbsoluteUri)),
            };
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(WithUserInfo(server.Url("/old"), "alice:secret"));

        outcome.Status.ShouldBe(FetchStatus.Ok);
        seen.Select(r => r.Path).ShouldBe(["/old", "/new", "/elsewhere"]);
        seen[0].Header("Authorization").ShouldBe(Basic("alice:secret"));
        seen[1].Header("Authorization").ShouldBe(Basic("alice:secret"), "same scheme, host and port");
        seen[2].Header("Authorization").ShouldBeNull("another port is another origin");
    }

    [Fact]
    public async Task Credentials_a_redirect_carries_are_never_used_and_a_permanent_redirect_is_stored_without_any()
    {
        var seen = new List<RawRequest>();
        await using var server = new RawHttpServer((request, stream, ct) =>
        {
            lock (seen) seen.Add(request);
            return request.Path switch
            {
                "/old" => RawHttpServer.RespondAsync(stream, 301, "Moved Permanently", "", ct, ("Location", "/new")),
                _ => RawHttpServer.RespondAsync(stream, 200, "OK", "feed", ct),
            };
        });
        await using var redirector = new RawHttpServer((request, stream, ct) =>
            RawHttpServer.RespondAsync(stream, 308, "Permanent Redirect", "", ct, ("Location", WithUserInfo(server.Url("/old"), "mallory:planted").AbsoluteUri)));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(redirector.Url("/feed"));

        outcome.Status.ShouldBe(FetchStatus.Ok);
        seen.ShouldAllBe(r => r.Header("Authorization") == null);
        outcome.PermanentRedirect.ShouldBe(server.Url("/new"));
    }

    [Fact]
    public async Task Error_texts_show_urls_redacted()
    {
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, 302, "Found", "", ct, ("Location", "ftp://bob:hunter2@files.example.org/feed.xml")));
        using var fetcher = TestFetchers.Create();

        var refused = await fetcher.FetchAsync(new Uri("gopher://alice:secret@example.org/feed"));
        var redirected = await fetcher.FetchAsync(WithUserInfo(server.Url("/feed"), "alice:secret"));

        refused.Error.ShouldBe("unsupported location gopher://alice:***@example.org/feed: only http, https and local files can be fetched");
        redirected.Error.ShouldBe($"redirect to ftp://bob:***@files.example.org/feed.xml refused: only http and https locations can be followed (HTTP 302 from {server.Url("/feed")})");
    }

    [Theory]
    [InlineData("https://user:pass@host.example/path?q=1", "https://user:***@host.example/path?q=1")]
    [InlineData("https://token@host.example/", "https://***@host.example/")]
    [InlineData("http://u:p%40ss@host:8080/a", "http://u:***@host:8080/a")]
    [InlineData("see http://a:b@x.example/ and https://c:d@y.example/ here", "see http://a:***@x.example/ and https://c:***@y.example/ here")]
    [InlineData("https://host.example:8443/path@2x.png", "https://host.example:8443/path@2x.png")]
    [InlineData("mailto:ops@example.org", "mailto:ops@example.org")]
    [InlineData("samples/world.xml", "samples/world.xml")]
    public void Redact_hides_the_password_of_every_url_in_a_text(string text, string expected) =>
        Urls.Redact(text).ShouldBe(expected);
}
