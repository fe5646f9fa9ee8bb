using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>The shared store behaviours on a SQLite file, plus what is particular to SQLite.</summary>
public sealed class SqliteStateStoreTests : StateStoreTests, IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    internal override async Task<IStateStore> OpenAsync() => await _db.OpenAsync(Time);

    internal override IStateStore OpenPeer() => new SqliteStateStore(_db.ConnectionString, Time);

    internal override async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_db.ConnectionString);
        await connection.OpenAsync(Ct);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(Ct);
    }

    internal override async Task<IStateStore> OpenAtVersionAsync(int version)
    {
        await ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL)");
        for (var v = 1; v <= version; v++)
        {
            await ExecuteAsync(SqliteSchema.Scripts[v - 1]);
            await ExecuteAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({v}, 0)");
        }
        return OpenPeer();
    }

    internal override async Task InsertOutboxRowAsOfVersion1Async(Alert alert) =>
        (await ExecuteAsync($"""
            INSERT INTO outbox (alert_id, subscriber_id, channel, payload, attempts, created_at, due_at)
            VALUES ('{alert.AlertId}', '{alert.SubscriberId}', 'email', '{AlertPayload.Serialize(alert).Replace("'", "''", StringComparison.Ordinal)}',
                    0, {TestAlerts.Start.ToUnixTimeMilliseconds()}, {TestAlerts.Start.ToUnixTimeMilliseconds()})
            """)).ShouldBe(1);

    internal override async Task InsertSeenRowWithoutFingerprintAsync(string feedId, string key) =>
        (await ExecuteAsync($"INSERT INTO seen_items (feed_id, item_key, seen_at) VALUES ('{feedId}', '{key}', {TestAlerts.Start.ToUnixTimeMilliseconds()})")).ShouldBe(1);

    [Fact]
    public async Task Migrate_creates_the_schema_once_in_wal_mode()
    {
        var store = await _db.OpenAsync(Time);
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
    public async Task A_file_that_is_not_a_database_is_unavailable_with_one_line_naming_it()
    {
        var path = Path.Combine(_db.Directory, "state.db");
        await File.WriteAllTextAsync(path, "not a database at all" + new string('.', 200), Ct);
        using var store = new SqliteStateStore(_db.ConnectionString, Time);

        var error = await Should.ThrowAsync<StateUnavailableException>(() => store.MigrateAsync(Ct));

        error.Message.ShouldBe($"the state database {path} cannot be used: SQLite Error 26: 'file is not a database'");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Once_its_file_is_deleted_or_replaced_every_operation_fails_naming_it(bool replace)
    {
        using var store = await _db.OpenAsync(Time);
        await store.SaveFeedStateAsync(new FeedState { FeedId = "world" }, Ct);
        var path = store.DataSource;
        if (replace)
        {
            using (var other = new SqliteStateStore($"Data Source={path}.new", Time)) await other.MigrateAsync(Ct);
            SqliteConnection.ClearAllPools();
            File.Move(path + ".new", path, overwrite: true);
        }
        else
        {
            File.Delete(path);
        }

        var error = await Should.ThrowAsync<StateUnavailableException>(() => store.SaveFeedStateAsync(new FeedState { FeedId = "world" }, Ct));
        error.Message.ShouldBe($"the state database {path} was deleted or replaced while the worker ran; nothing is written to it any more: restart the worker");
        await Should.ThrowAsync<StateUnavailableException>(() => store.OldestDueAsync(Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task A_relative_data_source_gets_its_directory_created_under_the_working_directory()
    {
        var folder = $"store-test-{Guid.NewGuid():N}";
        try
        {
            var store = new SqliteStateStore($"Data Source={folder}/nested/state.db", Time);
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
}
