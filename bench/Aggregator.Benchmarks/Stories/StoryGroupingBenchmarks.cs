using Aggregator.Benchmarks.Matching;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Stories;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks.Stories;

/// <summary>
/// What grouping by story adds to a poll's commit in the real SQLite store, with 100,000 stories of one subscriber and rule
/// inside the window: one matched item committed with grouping on (a new story: the lookup finds nothing, the story and
/// its keys are written), the same without grouping, and a copy of a stored story (found, verified, recorded).
/// The difference between the first two is the price of grouping per matched item.
/// </summary>
[MemoryDiagnoser]
public sealed class StoryGroupingBenchmarks : IDisposable
{
    private const int Stories = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"aggregator-story-bench-{Environment.ProcessId}");
    private readonly List<FeedItem> _stored = [];
    private SqliteStateStore _store = null!;
    private List<FeedItem> _fresh = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        _store = new SqliteStateStore($"Data Source={Path.Combine(_directory, "state.db")}", TimeProvider.System);
        _store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var corpus = new NewsCorpus();
        _stored.AddRange(corpus.Items(Stories, seed: 7));
        foreach (var batch in _stored.Chunk(1_000))
            _store.CommitPollAsync(Commit("stored", batch, Window), CancellationToken.None).GetAwaiter().GetResult();
        _fresh = corpus.Items(200_000, seed: 11);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _store?.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<int> CommitWithoutGrouping() => _store.CommitPollAsync(Commit("fresh", [Fresh()], null), CancellationToken.None);

    [Benchmark]
    public Task<int> CommitNewStory() => _store.CommitPollAsync(Commit("fresh", [Fresh()], Window), CancellationToken.None);

    [Benchmark]
    public Task<int> CommitCopyOfStoredStory()
    {
        var original = _stored[_next++ % Stories];
        var copy = original with { Key = $"copy-{_next}", Link = $"https://elsewhere.example.org/{_next}" };
        return _store.CommitPollAsync(Commit("copies", [copy], Window), CancellationToken.None);
    }

    [Benchmark]
    public StoryPrint PrintOnly() => StoryPrint.Of(_fresh[_next++ % _fresh.Count]);

    private FeedItem Fresh()
    {
        var item = _fresh[_next % _fresh.Count];
        return item with { Key = $"fresh-{_next++}" };
    }

    private static PollCommit Commit(string feedId, IEnumerable<FeedItem> items, TimeSpan? window) =>
        new(new FeedState { FeedId = feedId }, [.. items.Select(item =>
        {
            var alert = new Alert(AlertIds.For("desk", feedId, item.Key), "desk", new FeedRef(feedId, feedId, "https://example.org/feed"), item,
                [new RuleMatch("watch", "watch", [])], DateTimeOffset.UtcNow);
            var draft = new OutboxDraft(alert, DeliveryChannel.Email, DateTimeOffset.UtcNow, window);
            return new SeenItem(item.Key, [draft], null, window is null ? null : StoryPrint.Of(item));
        })]);
}
