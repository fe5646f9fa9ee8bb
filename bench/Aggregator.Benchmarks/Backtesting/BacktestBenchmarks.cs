using Aggregator.Backtesting;
using Aggregator.Benchmarks.Matching;
using Aggregator.Configuration;
using Aggregator.Core.Items;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Aggregator.Benchmarks.Backtesting;

/// <summary>
/// A backtest as <c>aggregator backtest</c> runs it, over a SQLite archive of 100,000 news-like items (400 feeds of 250,
/// written by poll commits): read the newest 100,000 rows, decompress their text, match, count. The rule's query is one a
/// newsroom would write; its words are common in the corpus, so it matches many items and their evidence is built.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BacktestBenchmarks : IDisposable
{
    private const int Feeds = 400;
    private const int PerFeed = 250;
    private const string Query_ = "(troops OR army OR forces) AND border* AND NOT (sport OR football)";
    private string _directory = null!;
    private SqliteStateStore _store = null!;
    private Backtester _backtester = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"backtest-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var time = TimeProvider.System;
        _store = new SqliteStateStore($"Data Source={Path.Combine(_directory, "state.db")}", time);
        _store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var items = new NewsCorpus().Items(Feeds * PerFeed);
        var now = time.GetUtcNow();
        for (var feed = 0; feed < Feeds; feed++)
        {
            var feedId = $"feed-{feed:000}";
            var batch = items.GetRange(feed * PerFeed, PerFeed);
            var archived = batch.Select(i => new ArchivedItem(feedId, i with { Published = now.AddHours(-1) }, now, false, false, [])).ToList();
            var commit = new PollCommit(new FeedState { FeedId = feedId }, [.. batch.Select(i => new SeenItem(i.Key, []))], null,
                new PollArchive(TimeSpan.FromDays(7), archived));
            _store.CommitPollAsync(commit, CancellationToken.None).GetAwaiter().GetResult();
        }
        var config = new AggregatorConfig
        {
            Directory = _directory,
            Rules = [new RuleConfig { Id = "troops-at-border", Query = Query_ }],
        };
        _backtester = new Backtester(new ActiveConfig(ConfigSnapshot.Create(config)), _store, time);
        var run = _backtester.RunQueryAsync(Query_, null, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// {run.Result!.Evaluated} items evaluated, {run.Result.Matches.Count} matched");
    }

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <returns>The number of matches.</returns>
    [Benchmark]
    public int Query() => _backtester.RunQueryAsync(Query_, null, CancellationToken.None).GetAwaiter().GetResult().Result!.Matches.Count;

    /// <returns>The number of matches; a rule also compares each item with its poll-time matches.</returns>
    [Benchmark]
    public int Rule() => _backtester.RunRuleAsync("troops-at-border", null, CancellationToken.None).GetAwaiter().GetResult().Result!.Matches.Count;
}
