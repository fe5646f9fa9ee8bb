using System.IO.Compression;
using Aggregator.Fetching;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Fetching;

/// <summary>Runs alone so the allocation figure is this test's own.</summary>
[Collection(nameof(AllocationMeasured))]
public sealed class GzipBombTests
{
    private const long Inflated = 100L * 1024 * 1024;

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_cap_with_bounded_memory()
    {
        var bomb = await CompressZerosAsync(Inflated);
        bomb.Length.ShouldBeLessThan(1024 * 1024); // ~100 KB on the wire, 100 MiB inflated
        await using var server = new RawHttpServer((_, stream, ct) =>
            RawHttpServer.RespondAsync(stream, 200, "OK", bomb, ct, ("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")));
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: 1024 * 1024));

        // The counter is process-wide: work another test left running (a host shutting down, a timer) adds to
        // one attempt now and then. The fewest bytes over three attempts is the fetch's own figure.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var outcome = await fetcher.FetchAsync(server.Url());
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);

            outcome.Status.ShouldBe(FetchStatus.Failed);
            outcome.Error.ShouldBe("body exceeds 1 MiB");
            outcome.Body.ShouldBeNull();
        }
        allocated.ShouldBeLessThan(8L * 1024 * 1024, $"allocated {allocated} bytes for a 1 MiB cap");
    }

    private static async Task<byte[]> CompressZerosAsync(long length)
    {
        var zeros = new byte[1024 * 1024];
        using var output = new MemoryStream();
        await using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (long written = 0; written < length; written += zeros.Length)
                await gzip.WriteAsync(zeros, TestContext.Current.CancellationToken);
        }
        return output.ToArray();
    }
}
