using System.Text;
using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

public sealed class LocalFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aggregator-fetch-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task A_file_location_is_read_and_an_unchanged_file_is_not_modified()
    {
        var path = Path.Combine(_dir.FullName, "feed.xml");
        await File.WriteAllTextAsync(path, "<rss/>", TestContext.Current.CancellationToken);
        using var fetcher = TestFetchers.Create();

        var first = await fetcher.FetchAsync(new Uri(path));
        first.Status.ShouldBe(FetchStatus.Ok);
        Encoding.UTF8.GetString(first.Body.ShouldNotBeNull()).ShouldBe("<rss/>");
        first.ETag.ShouldNotBeNull();

        var second = await fetcher.FetchAsync(new Uri(path), first.ETag);
        second.Status.ShouldBe(FetchStatus.NotModified);
        second.Body.ShouldBeNull();

        await File.WriteAllTextAsync(path, "<rss version=\"2.0\"/>", TestContext.Current.CancellationToken);
        var third = await fetcher.FetchAsync(new Uri(path), first.ETag);
        third.Status.ShouldBe(FetchStatus.Ok);
    }

    [Fact]
    public async Task A_missing_file_fails_with_its_path()
    {
        var path = Path.Combine(_dir.FullName, "missing.xml");
        using var fetcher = TestFetchers.Create();

        var outcome = await fetcher.FetchAsync(new Uri(path));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldBe($"file not found: {path}");
    }

    [Fact]
    public async Task A_file_over_the_cap_fails()
    {
        var path = Path.Combine(_dir.FullName, "big.xml");
        await File.WriteAllBytesAsync(path, new byte[2048], TestContext.Current.CancellationToken);
        using var fetcher = TestFetchers.Create(TestFetchers.Polling(maxBodySize: 1024));

        var outcome = await fetcher.FetchAsync(new Uri(path));

        outcome.Status.ShouldBe(FetchStatus.Failed);
        outcome.Error.ShouldNotBeNull().ShouldStartWith("file exceeds 1 KiB");
        outcome.Body.ShouldBeNull();
    }
}
