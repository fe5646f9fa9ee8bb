using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Storage;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(TestAlerts.Start);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Migrate_creates_the_schema_once_in_wal_mode()
    {
        var store = await _db.OpenAsync(_time);
        await store.MigrateAsync(Ct);

        await using var connection = new SqliteConnection(_db.ConnectionString);
        await connection.OpenAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version";
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            (await reader.ReadAsync(Ct)).ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(SqliteSchema.Scripts.Count);
            reader.GetInt64(1).ShouldBe(SqliteSchema.Scripts.Count);
        }
        command.CommandText = "PRAGMA journal_mode";
        ((string?)await command.ExecuteScalarAsync(Ct)).ShouldBe("wal");
    }

    [Fact]
    public async Task A_relative_data_source_gets_its_directory_created_under_the_working_directory()
    {
        var folder = $"store-test-{Guid.NewGuid():N}";
        try
        {
            var store = new SqliteStateStore($"Data Source={folder}/nested/state.db", _time);
            await store.MigrateAsync(Ct);
            store.DataSource.ShouldBe(Path.GetFullPath(Path.Combine(folder, "nested", "state.db")));
            File.Exists(store.DataSource).ShouldBeTrue();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_commit_of_the_same_keys_queues_nothing()
    {
        var store = await _db.OpenAsync(_time);
        var a = TestAlerts.Make("ops", "item-1");
        var b = TestAlerts.Make("hook", "item-1");
        var commit = TestAlerts.Commit("world-news",
            ("item-1", [TestAlerts.Draft(a), TestAlerts.Draft(b, DeliveryChannel.Webhook)]),
            ("item-2", []));

        (await store.CommitPollAsync(commit, Ct)).ShouldBe(2);
        (await store.CommitPollAsync(commit, Ct)).ShouldBe(0);

        (await store.FindSeenAsync("world-news", ["item-1", "item-2", "item-3"], Ct)).OrderBy(k => k).ShouldBe(["item-1", "item-2"]);
        (await store.FindSeenAsync("other-feed", ["item-1"], Ct)).ShouldBeEmpty();
        var claimed = await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_commits_of_the_same_item_queue_its_alerts_once()
    {
        var first = await _db.OpenAsync(_time);
        var second = new SqliteStateStore(_db.ConnectionString, _time);
        var alert = TestAlerts.Make("ops", "race");
        var commit = TestAlerts.Commit("world-news", ("race", [TestAlerts.Draft(alert)]));

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).CommitPollAsync(commit, Ct)));

        results.Sum().ShouldBe(1);
    }

    [Fact]
    public async Task The_outbox_payload_round_trips_the_alert()
    {
        var store = await _db.OpenAsync(_time);
        var alert = TestAlerts.Make("ops", "item-1", ruleIds: ["rule-a", "rule-b"]);
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("item-1", [TestAlerts.Draft(alert)])), Ct);

        var message = (await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();

        message.Channel.ShouldBe(DeliveryChannel.Email);
        message.Attempts.ShouldBe(1);
        message.CreatedAt.ShouldBe(TestAlerts.Start);
        message.Alert.AlertId.ShouldBe(alert.AlertId);
        (message.Alert.Item with { Authors = alert.Item.Authors, Categories = alert.Item.Categories }).ShouldBe(alert.Item);
        message.Alert.Item.Authors.ShouldBe(alert.Item.Authors);
        message.Alert.Item.Categories.ShouldBe(alert.Item.Categories);
        message.Alert.Feed.ShouldBe(alert.Feed);
        message.Alert.Rules.Select(r => r.RuleId).ShouldBe(["rule-a", "rule-b"]);
        message.Alert.Rules[1].Matches.ShouldBe(alert.Rules[1].Matches);
    }

    [Fact]
    public async Task A_claimed_but_unmarked_row_is_reclaimed_after_its_lease()
    {
        var store = await _db.OpenAsync(_time);
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var lease = TimeSpan.FromMinutes(5);

        (await store.ClaimDueAsync(_time.GetUtcNow(), 10, lease, Ct)).Count.ShouldBe(1);
        (await store.ClaimDueAsync(_time.GetUtcNow(), 10, lease, Ct)).ShouldBeEmpty();
        _time.Advance(lease - TimeSpan.FromSeconds(1));
        (await store.ClaimDueAsync(_time.GetUtcNow(), 10, lease, Ct)).ShouldBeEmpty();
        _time.Advance(TimeSpan.FromSeconds(1));

        var again = (await store.ClaimDueAsync(_time.GetUtcNow(), 10, lease, Ct)).ShouldHaveSingleItem();
        again.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Sent_rescheduled_and_dead_rows_follow_their_state()
    {
        var store = await _db.OpenAsync(_time);
        var drafts = Enumerable.Range(1, 3).Select(i => ($"k{i}", new[] { TestAlerts.Draft(TestAlerts.Make("ops", $"k{i}")) })).ToArray();
        await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct);
        var claimed = await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.Count.ShouldBe(3);

        await store.MarkSentAsync(claimed[0].Id, _time.GetUtcNow(), Ct);
        await store.RescheduleAsync(claimed[1].Id, _time.GetUtcNow().AddMinutes(10), "HTTP 500", Ct);
        await store.DeadLetterAsync(claimed[2].Id, _time.GetUtcNow(), "SMTP 550 no such user", Ct);

        _time.Advance(TimeSpan.FromMinutes(9));
        (await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Id.ShouldBe(claimed[1].Id);

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        counts.ShouldBe(new DeliveryCounts("ops", DeliveryChannel.Email, 1, 1, 1, 1, TestAlerts.Start, counts.LastError));
        counts.LastError.ShouldNotBeNull();
    }

    [Fact]
    public async Task Disabling_an_endpoint_dead_letters_that_subscribers_pending_messages()
    {
        var store = await _db.OpenAsync(_time);
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook)]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook), TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        var endpoint = new DisabledEndpoint("hook", DeliveryChannel.Webhook, "https://hooks.example.org/x", _time.GetUtcNow(), "410 Gone");

        (await store.DisableEndpointAsync(endpoint, Ct)).ShouldBe(2);

        (await store.IsEndpointDisabledAsync("hook", DeliveryChannel.Webhook, "https://hooks.example.org/x", Ct)).ShouldBeTrue();
        (await store.IsEndpointDisabledAsync("hook", DeliveryChannel.Webhook, "https://hooks.example.org/new", Ct)).ShouldBeFalse();
        (await store.ListDisabledEndpointsAsync(Ct)).ShouldHaveSingleItem().ShouldBe(endpoint);
        var claimed = await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.ShouldHaveSingleItem().Alert.SubscriberId.ShouldBe("ops");
    }

    [Fact]
    public async Task Feed_state_round_trips_every_field()
    {
        var store = await _db.OpenAsync(_time);
        var state = new FeedState
        {
            FeedId = "world-news", ETag = "\"abc\"", LastModified = "Fri, 27 Nov 2026 09:00:00 GMT", BodyHash = "h",
            LastPollAt = TestAlerts.Start, LastResult = "failed", LastHttpStatus = 503, LastError = "HTTP 503",
            ConsecutiveFailures = 3, LastNewItemAt = TestAlerts.Start.AddHours(-1), ItemsSeen = 42,
            NotBefore = TestAlerts.Start.AddMinutes(10), Disabled = true, PermanentRedirect = "https://new.example.org/feed",
        };

        await store.SaveFeedStateAsync(state with { ItemsSeen = 1 }, Ct);
        await store.SaveFeedStateAsync(state, Ct);

        (await store.GetFeedStateAsync("world-news", Ct)).ShouldBe(state);
        (await store.GetFeedStateAsync("missing", Ct)).ShouldBeNull();
        (await store.ListFeedStatesAsync(Ct)).ShouldHaveSingleItem().ShouldBe(state);
    }

    [Fact]
    public async Task An_unreadable_outbox_row_is_dead_lettered_instead_of_blocking_the_queue()
    {
        var store = await _db.OpenAsync(_time);
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        await using (var connection = new SqliteConnection(_db.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            using var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE outbox SET payload = '{not json' WHERE id = (SELECT MIN(id) FROM outbox)";
            (await corrupt.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
        }

        var claimed = await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);

        claimed.ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("k2");
        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        counts.Dead.ShouldBe(1);
        counts.LastError!.ShouldStartWith("unreadable outbox row");
    }

    [Fact]
    public async Task Pruning_deletes_only_old_finished_messages()
    {
        var store = await _db.OpenAsync(_time);
        var drafts = Enumerable.Range(1, 3).Select(i => ($"k{i}", new[] { TestAlerts.Draft(TestAlerts.Make("ops", $"k{i}")) })).ToArray();
        await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct);
        var claimed = await store.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        await store.MarkSentAsync(claimed[0].Id, _time.GetUtcNow(), Ct);
        await store.DeadLetterAsync(claimed[1].Id, _time.GetUtcNow(), "gone", Ct);
        await store.RescheduleAsync(claimed[2].Id, _time.GetUtcNow(), "later", Ct);

        (await store.PruneOutboxAsync(_time.GetUtcNow(), Ct)).ShouldBe(0);
        (await store.PruneOutboxAsync(_time.GetUtcNow().AddMilliseconds(1), Ct)).ShouldBe(2);

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        (counts.Queued, counts.Sent, counts.Dead).ShouldBe((1, 0, 0));
        (await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct)).ShouldBe(0);
    }
}
