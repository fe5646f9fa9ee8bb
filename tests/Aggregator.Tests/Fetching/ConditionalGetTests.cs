using System.IO.Compression;
using System.Text;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

public sealed class ConditionalGetTests
{
    private const string Feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    [Fact]
    public async Task Matching_validators_are_sent_and_a_304_yields_no_body()
    {
        RawRequest? seen = null;
        await using var server = new RawHttpServer(async (request, stream, ct) =>
        {
            seen = request;
            if (request.Header("If-None-Match") == "\"v1\"")
                await RawHttpServer.RespondAsync(stream, 304, "Not Modified", "", ct, ("ETag", "\"v1\""));
            else
                await RawHttpServer.RespondAsync(stream, 200, "OK", Feed, ct);
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url(), "\"v1\"", "Tue, 03 Nov 2026 10:00:00 GMT");

        outcome.Status.ShouldBe(FetchStatus.NotModified);
        outcome.Body.ShouldBeNull();
        outcome.ETag.ShouldBe("\"v1\"");
        outcome.LastModified.ShouldBe("Tue, 03 Nov 2026 10:00:00 GMT");
        seen.ShouldNotBeNull().Header("If-Modified-Since").ShouldBe("Tue, 03 Nov 2026 10:00:00 GMT");
    }

    [Fact]
    public async Task A_200_returns_the_body_new_validators_and_content_type()
    {
        RawRequest? seen = null;
        await using var server = new RawHttpServer((request, stream, ct) =>
        {
            seen = request;
            return RawHttpServer.RespondAsync(stream, 200, "OK", Feed, ct,
                ("ETag", "W/\"abc\""), ("Last-Modified", "Wed, 04 Nov 2026 08:00:00 GMT"), ("Content-Type", "application/rss+xml; charset=ISO-8859-1"));
        });
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Ok);
        outcome.HttpStatus.ShouldBe(200);
        Encoding.UTF8.GetString(outcome.Body.ShouldNotBeNull()).ShouldBe(Feed);
        outcome.ETag.ShouldBe("W/\"abc\"");
        outcome.LastModified.ShouldBe("Wed, 04 Nov 2026 08:00:00 GMT");
        outcome.ContentType.ShouldBe("application/rss+xml");
        outcome.Charset.ShouldBe("ISO-8859-1");
        outcome.FinalLocation.ShouldBe(server.Url());
        var request = seen.ShouldNotBeNull();
        request.Header("If-None-Match").ShouldBeNull();
        request.Header("User-Agent").ShouldBe(FeedFetcher.UserAgent);
        request.Header("Accept").ShouldNotBeNull().ShouldContain("application/rss+xml");
        request.Header("Accept-Encoding").ShouldNotBeNull().ShouldContain("gzip");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_compressed_body_is_decompressed(string encoding)
    {
        var compressed = new MemoryStream();
        await using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(compressed, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            await encoder.WriteAsync(Encoding.UTF8.GetBytes(Feed), TestContext.Current.CancellationToken);
        }
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, 200, "OK", compressed.ToArray(), ct, ("Content-Encoding", encoding)));
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(server.Url());

        outcome.Status.ShouldBe(FetchStatus.Ok);
        Encoding.UTF8.GetString(outcome.Body.ShouldNotBeNull()).ShouldBe(Feed);
    }
}
