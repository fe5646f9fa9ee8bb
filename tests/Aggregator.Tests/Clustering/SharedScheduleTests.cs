using Aggregator.Configuration;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Aggregator.Tests.Clustering;

/// <summary>
/// A cluster's shared schedule in PostgreSQL (<c>poll_schedule</c>): nodes applying the config at the same moment change
/// each feed once, claims never overlap and hold until their lease runs out, and a claimed poll moves its feed on in its
/// own commit, in a handful of statements.
/// </summary>
public sealed class SharedScheduleTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Two_nodes_applying_each_config_at_once_converge_without_rescheduling_unchanged_feeds()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var a = Node(source, connectionString);
        var b = Node(source, connectionString);

        var first = Snapshot(dir, connectionString, ["10m", "10m", "10m"]);
        await Task.WhenAll(a.ApplyAsync(first, ct), b.ApplyAsync(first, ct));
        var scheduled = await RowsAsync(source, ct);
        scheduled.Keys.Order().ShouldBe(["feed-0", "feed-1", "feed-2"]);
        scheduled.Values.ShouldAllBe(r => r.Every == TimeSpan.FromMinutes(10));

        await Task.WhenAll(a.ApplyAsync(first, ct), b.ApplyAsync(first, ct));
        (await RowsAsync(source, ct)).OrderBy(r => r.Key).ShouldBe(scheduled.OrderBy(r => r.Key), "applying the same config again changes nothing");

        var changed = Snapshot(dir, connectionString, ["10m", "20m", "10m"]);
        await Task.WhenAll(a.ApplyAsync(changed, ct), b.ApplyAsync(changed, ct));
        var after = await RowsAsync(source, ct);
        after.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Due)).ShouldBe(scheduled.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.Due)), "every feed keeps its due time, the changed one too");
        after["feed-1"].Every.ShouldBe(TimeSpan.FromMinutes(20));

        var shrunk = Snapshot(dir, connectionString, ["10m", "20m"]);
        await Task.WhenAll(a.ApplyAsync(shrunk, ct), b.ApplyAsync(shrunk, ct));
        (await RowsAsync(source, ct)).Keys.Order().ShouldBe(["feed-0", "feed-1"]);
    }

    [Fact]
    public async Task Claims_by_two_nodes_never_overlap_and_hold_until_their_lease_runs_out()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await Node(source, connectionString).ApplyAsync(Snapshot(dir, connectionString, [.. Enumerable.Repeat("1m", 42)]), ct);
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now() - interval '1 second' WHERE feed_id <> 'feed-41'", ct);
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now() + interval '1 hour' WHERE feed_id = 'feed-41'", ct);
        var lease = TimeSpan.FromSeconds(3);

        var both = await Task.WhenAll(
            PostgresPollSchedule.ClaimAsync(source, 25, TimeSpan.FromSeconds(1), lease, ct),
            PostgresPollSchedule.ClaimAsync(source, 25, TimeSpan.FromSeconds(1), lease, ct));
        var claimed = both.SelectMany(c => c).ToList();
        claimed.Select(c => c.FeedId).Distinct().Count().ShouldBe(claimed.Count, "no feed claimed by both");
        claimed.Select(c => c.FeedId).Order().ShouldBe(Enumerable.Range(0, 41).Select(i => $"feed-{i}").Order(), "every due feed, and only those");
        claimed.ShouldAllBe(c => c.State == null, "no feed polled yet");
        (await PostgresPollSchedule.ClaimAsync(source, 100, TimeSpan.FromSeconds(1), lease, ct)).ShouldBeEmpty("the leases hold");

        var renewed = claimed.Take(10).ToList();
        await PostgresPollSchedule.RenewAsync(source, [.. renewed.Select(c => c.Token)], TimeSpan.FromMinutes(1), ct);
        await Task.Delay(lease + TimeSpan.FromSeconds(0.5), ct);
        var returned = await PostgresPollSchedule.ClaimAsync(source, 100, TimeSpan.FromSeconds(1), lease, ct);
        returned.Select(c => c.FeedId).Order().ShouldBe(claimed.Skip(10).Select(c => c.FeedId).Order(), "lapsed leases return their feeds; renewed ones hold");
        returned.ShouldAllBe(c => !claimed.Select(p => p.Token).Contains(c.Token), "a new claim has a new token");
    }

    [Fact]
    public async Task A_claimed_poll_moves_its_feed_on_in_its_own_commit_in_three_statements()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        await using var feed = new FeedServer();
        feed.AddItem("a-1", "Harbour reopens", "The harbour reopened on Monday.");
        using var dir = new TempDirectory();
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            settings:
              scheduler: {"{"} clustered: true {"}"}
            feeds:
              - id: wire
                url: {feed.FeedUrl}
                every: 1m
            """, ct, postgres: connectionString);
        var source = harness.Services.GetRequiredService<NpgsqlDataSource>();
        await harness.Services.GetRequiredService<IFeedSchedule>().ApplyAsync(harness.Services.GetRequiredService<ActiveConfig>().Current, ct);
        var claimer = harness.Services.GetRequiredService<SharedScheduleClaimer>();
        var dispatcher = harness.Services.GetRequiredService<PollDispatcher>();

        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = date_trunc('second', now()) - interval '2 seconds'", ct);
        var due = (await RowsAsync(source, ct))["wire"].Due;
        await claimer.TickAsync(ct);
        await dispatcher.IdleAsync();
        feed.Requests.ShouldBe(1);
        (await harness.Store.GetFeedStateAsync("wire", ct)).ShouldNotBeNull().LastResult.ShouldBe(PollOutcome.Parsed);
        var polled = (await RowsAsync(source, ct))["wire"];
        polled.Due.ShouldBe(due + TimeSpan.FromMinutes(1), "one interval after the due time it was polled for");
        polled.Leased.ShouldBeFalse("the commit let the lease go");

        // Poll again, unchanged this time, and count what it says to the database.
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now()", ct);
        var counting = await StatementCounter.TryStartAsync(source, ct);
        await claimer.TickAsync(ct);
        await dispatcher.IdleAsync();
        var statements = counting is null ? (long?)null : await counting.ReadAsync(ct);
        feed.Requests.ShouldBe(2);
        (await harness.Store.GetFeedStateAsync("wire", ct)).ShouldNotBeNull().LastResult.ShouldBeOneOf(PollOutcome.NotModified, PollOutcome.Unchanged);
        if (statements is { } counted)
            counted.ShouldBe(4, $"the claim (with the feed's state), then the state, the log entry and the next due time, one batch: {await counting!.ListAsync(ct)}");
        else if (PostgresServer.Required)
            Assert.Fail("pg_stat_statements is not available to count the statements");
    }

    [Fact]
    public async Task A_commit_whose_lease_was_taken_over_leaves_the_new_holders_schedule_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await Node(source, connectionString).ApplyAsync(Snapshot(dir, connectionString, ["1m"]), ct);
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now() - interval '1 second'", ct);
        var stale = (await PostgresPollSchedule.ClaimAsync(source, 1, TimeSpan.Zero, TimeSpan.FromMilliseconds(200), ct)).ShouldHaveSingleItem();
        await Task.Delay(500, ct);
        var current = (await PostgresPollSchedule.ClaimAsync(source, 1, TimeSpan.Zero, TimeSpan.FromMinutes(1), ct)).ShouldHaveSingleItem();
        var store = new PostgresStateStore(source, TimeProvider.System);

        await store.CommitPollAsync(new PollCommit(new FeedState { FeedId = "feed-0" }, [], Lease: Lease(stale)), ct);
        var row = (await RowsAsync(source, ct))["feed-0"];
        row.Due.ShouldBe(stale.Due, "the stale commit did not move the feed on");
        row.Leased.ShouldBeTrue("the new holder's lease stands");

        await store.CommitPollAsync(new PollCommit(new FeedState { FeedId = "feed-0" }, [], Lease: Lease(current)), ct);
        row = (await RowsAsync(source, ct))["feed-0"];
        row.Due.ShouldBe(current.Due + TimeSpan.FromMinutes(1));
        row.Leased.ShouldBeFalse();
    }

    [Fact]
    public async Task A_stopping_node_hands_back_the_feeds_it_claimed_and_did_not_poll()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var harness = await PipelineHarness.CreateAsync(dir, """
            settings:
              scheduler: { clustered: true }
            feeds:
              - { id: a, url: "https://feeds.example.org/a.xml", every: 1m }
              - { id: b, url: "https://feeds.example.org/b.xml", every: 1m }
            """, ct, postgres: connectionString);
        var source = harness.Services.GetRequiredService<NpgsqlDataSource>();
        await harness.Services.GetRequiredService<IFeedSchedule>().ApplyAsync(harness.Services.GetRequiredService<ActiveConfig>().Current, ct);
        var claimer = harness.Services.GetRequiredService<SharedScheduleClaimer>();
        var dispatcher = harness.Services.GetRequiredService<PollDispatcher>();
        // Claimed just ahead of their due moment: the polls wait for it (on the harness's clock, which stands still).
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now() + interval '500 milliseconds'", ct);
        var due = await RowsAsync(source, ct);
        await claimer.TickAsync(ct);
        dispatcher.Leases.Count.ShouldBe(2);
        (await RowsAsync(source, ct)).Values.ShouldAllBe(r => r.Leased);

        await dispatcher.StopAsync(ct);
        await claimer.StopAsync(ct);

        var after = await RowsAsync(source, ct);
        after.Values.ShouldAllBe(r => !r.Leased, "handed back for a peer to claim at once");
        after.OrderBy(r => r.Key).Select(r => r.Value.Due).ShouldBe(due.OrderBy(r => r.Key).Select(r => r.Value.Due), "still due when they were");
        (await PostgresPollSchedule.ClaimAsync(source, 10, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Poll_now_makes_a_scheduled_feed_due_at_once_for_whichever_node_claims_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(ct);
        using var dir = new TempDirectory();
        await using var source = NpgsqlDataSource.Create(connectionString);
        var node = Node(source, connectionString);
        await node.ApplyAsync(Snapshot(dir, connectionString, ["1h", "1h"]), ct);
        await ExecuteAsync(source, "UPDATE poll_schedule SET due_at = now() + interval '1 hour'", ct);
        (await PostgresPollSchedule.ClaimAsync(source, 10, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), ct)).ShouldBeEmpty("nothing is due");

        (await node.PollNowAsync("feed-1", ct)).ShouldBeTrue();
        (await node.PollNowAsync("feed-9", ct)).ShouldBeFalse("not scheduled");
        var claimed = await PostgresPollSchedule.ClaimAsync(source, 10, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), ct);
        claimed.ShouldHaveSingleItem().FeedId.ShouldBe("feed-1");
    }

    private static ScheduleLease Lease(PostgresPollSchedule.Claim claim) => new(claim.FeedId, claim.Token, claim.Due, TimeSpan.Zero, null, claim.State);

    private async Task<string> MigratedDatabaseAsync(CancellationToken ct)
    {
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        await using var source = NpgsqlDataSource.Create(connectionString);
        await new PostgresStateStore(source, TimeProvider.System).MigrateAsync(ct);
        return connectionString;
    }

    private static SharedFeedSchedule Node(NpgsqlDataSource source, string connectionString) =>
        new(source, new PostgresScheduleLock(connectionString), TimeProvider.System, NullLogger<SharedFeedSchedule>.Instance);

    private sealed record Row(DateTimeOffset Due, TimeSpan? Every, bool Leased);

    private static async Task<Dictionary<string, Row>> RowsAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var command = source.CreateCommand("SELECT feed_id, due_at, every, lease_token IS NOT NULL FROM poll_schedule");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new Dictionary<string, Row>();
        while (await reader.ReadAsync(ct))
            rows[reader.GetString(0)] = new Row(reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetTimeSpan(2), reader.GetBoolean(3));
        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql, CancellationToken ct)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ConfigSnapshot Snapshot(TempDirectory dir, string connectionString, string[] intervals)
    {
        var feeds = string.Concat(intervals.Select((every, i) => $"""
              - id: feed-{i}
                url: https://feeds.example.org/{i}.xml
                every: {every}

            """));
        dir.Write("config/aggregator.yaml", $$"""
            settings:
              storage:
                provider: postgres
                connectionString: "{{connectionString}}"
              scheduler:
                clustered: true
              polling:
                minEvery: 1m
            feeds:
            {{feeds}}
            """);
        var loaded = new ConfigLoader().Load(dir.Combine("config"));
        loaded.Config.ShouldNotBeNull(string.Join('\n', loaded.Diagnostics));
        return ConfigSnapshot.Create(loaded.Config);
    }

    /// <summary>Statements run in this database from now on, as pg_stat_statements counts them; null when the server lacks it.</summary>
    private sealed class StatementCounter(NpgsqlDataSource source)
    {
        public static async Task<StatementCounter?> TryStartAsync(NpgsqlDataSource source, CancellationToken ct)
        {
            try
            {
                await ExecuteAsync(source, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", ct);
                await ExecuteAsync(source, "SELECT pg_stat_statements_reset()", ct);
                return new StatementCounter(source);
            }
            catch (PostgresException)
            {
                return null;
            }
        }

        public async Task<long> ReadAsync(CancellationToken ct)
        {
            await using var command = source.CreateCommand("""
                SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
                """);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        public async Task<string> ListAsync(CancellationToken ct)
        {
            await using var command = source.CreateCommand("""
                SELECT calls || ' x ' || left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var lines = new List<string>();
            while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
            return string.Join("\n", lines);
        }
    }
}
