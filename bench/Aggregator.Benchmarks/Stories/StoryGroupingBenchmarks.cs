using Aggregator.Benchmarks.Matching;
using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Stories;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Aggregator.Benchmarks.Stories;

/// <summary>
/// What grouping by story costs a matched item inside a poll's transaction, in the real SQLite store holding 100,000 stories
/// inside the window, of one subscriber and rule (<see cref="Rules"/> 1: every lookup meets them all) or spread over 1,000
/// rules: the lookup of a new story (nothing found), the lookup of a copy (found and verified), and whole grouping of a new
/// story (lookup, then the story and its keys written). Each iteration runs in one transaction that is rolled back, so the
/// store stays the same. The store is built once per <see cref="Rules"/> through the real poll commit (minutes) and kept in
/// the temp directory for the benchmark processes that follow and for the next run.
/// </summary>
[MemoryDiagnoser]
public class StoryGroupingBenchmarks : IDisposable
{
    private const int Stories = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private readonly List<FeedItem> _stored = [];
    private List<(FeedItem Item, StoryPrint Print)> _fresh = [];
    private List<StoryPrint> _copies = [];
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;
    private StoredStories _stories = null!;
    private int _next;

    /// <summary>How many rules of the subscriber the stored stories belong to; lookups are for the first rule.</summary>
    [Params(1, 1_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new NewsCorpus();
        _stored.AddRange(corpus.Items(Stories, seed: 7));
        _fresh = [.. corpus.Items(20_000, seed: 11).Select(i => (i, StoryPrint.Of(i)))];
        var built = Path.Combine(Directory, "built");
        if (!File.Exists(built))
        {
            if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
            System.IO.Directory.CreateDirectory(Directory);
            using var store = new SqliteStateStore(ConnectionString, TimeProvider.System);
            store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            foreach (var batch in _stored.Chunk(1_000))
                store.CommitPollAsync(Commit("stored", batch, Rules), CancellationToken.None).GetAwaiter().GetResult();
            File.WriteAllText(built, DateTimeOffset.UtcNow.ToString("O"));
        }
        _copies = [.. _stored.Where((_, i) => i % Rules == 0).Take(20_000).Select(i => StoryPrint.Of(i with { Link = $"https://elsewhere.example.org/{i.Key}" }))];
    }

    [IterationSetup]
    public void Begin()
    {
        _connection = new SqliteConnection(ConnectionString);
        _connection.Open();
        _transaction = _connection.BeginTransaction();
        _stories = new StoredStories(_connection, _transaction, t => t.ToUnixTimeMilliseconds());
    }

    [IterationCleanup]
    public void End()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _connection?.Dispose();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        End();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark]
    public Task<(string, StoryMatch)?> LookupNewStory() =>
        _stories.FindAsync("desk", "watch0", _fresh[_next++ % _fresh.Count].Print, DateTimeOffset.UtcNow - Window, CancellationToken.None);

    [Benchmark]
    public Task<(string, StoryMatch)?> LookupCopyOfStoredStory() =>
        _stories.FindAsync("desk", "watch0", _copies[_next++ % _copies.Count], DateTimeOffset.UtcNow - Window, CancellationToken.None);

    [Benchmark]
    public async Task<int> GroupNewStory()
    {
        var (item, print) = _fresh[_next++ % _fresh.Count];
        return (await _stories.GroupAsync(Seen("fresh", item with { Key = $"fresh-{_next}" }, print, "watch0"), DateTimeOffset.UtcNow, CancellationToken.None)).Count;
    }

    /// <summary>Where the store of this many stories over this many rules is kept between runs.</summary>
    private string Directory => Path.Combine(Path.GetTempPath(), $"aggregator-story-bench-{Stories}-{Rules}");

    private string ConnectionString => $"Data Source={Path.Combine(Directory, "state.db")}";

    /// <summary>The items as stories of rules <c>watch0</c>…, each item's rule by its position (the corpus keys items by position).</summary>
    private static PollCommit Commit(string feedId, IEnumerable<FeedItem> items, int rules) =>
        new(new FeedState { FeedId = feedId }, [.. items.Select(item => Seen(feedId, item, StoryPrint.Of(item), $"watch{int.Parse(item.Key, System.Globalization.CultureInfo.InvariantCulture) % rules}"))]);

    private static SeenItem Seen(string feedId, FeedItem item, StoryPrint print, string rule)
    {
        var alert = new Alert(AlertIds.For("desk", feedId, item.Key), "desk", new FeedRef(feedId, feedId, "https://example.org/feed"), item,
            [new RuleMatch(rule, rule, [])], DateTimeOffset.UtcNow);
        return new SeenItem(item.Key, [new OutboxDraft(alert, DeliveryChannel.Email, DateTimeOffset.UtcNow, Window)], null, print);
    }
}
