using Aggregator.Fetching;
using Aggregator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Fetching;

public sealed class StatusTests
{
    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(403, "Forbidden")]
    public async Task An_error_status_fails_and_its_page_is_not_returned(int status, string reason)
    {
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, status, reason, "<rss><channel><title>error page</title></channel></rss>", ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Error.ShouldBe($"HTTP {status} {reason}");
        outcome.Body.ShouldBeNull();
    }

    [Fact]
    public async Task A_410_means_gone()
    {
        await using var server = new RawHttpServer((_, stream, ct) => RawHttpServer.RespondAsync(stream, 410, "Gone", "bye", ct));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Gone);
        outcome.Body.ShouldBeNull();
    }

    [Theory]
    [InlineData(429, "Too Many Requests")]
    [InlineData(503, "Service Unavailable")]
    public async Task Throttling_reports_retry_after_in_seconds(int status, string reason)
    {
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, status, reason, "slow down", ct, ("Retry-After", "120")));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Throttled);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        outcome.Body.ShouldBeNull();
    }

    [Fact]
    public async Task Throttling_with_an_http_date_is_relative_to_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, 429, "Too Many Requests", "", ct, ("Retry-After", "Fri, 27 Nov 2026 12:01:30 GMT")));
        using var fetcher = TestFetchers.Create(time: clock);

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Throttled);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public async Task Throttling_without_a_usable_retry_after_leaves_it_to_the_caller(string? retryAfter)
    {
        await using var server = new RawHttpServer((_, stream, ct) => retryAfter is null
            ? RawHttpServer.RespondAsync(stream, 503, "Service Unavailable", "", ct)
            : RawHttpServer.RespondAsync(stream, 503, "Service Unavailable", "", ct, ("Retry-After", retryAfter)));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Throttled);
        outcome.RetryAfter.ShouldBeNull();
    }
}
