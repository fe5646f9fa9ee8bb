using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Npgsql;

namespace Aggregator.Tests.Storage;

/// <summary>The shared store behaviours on a real PostgreSQL server (a fresh database per test), plus migrations under contention.</summary>
public sealed class PostgresStateStoreTests(PostgresFixture postgres) : StateStoreTests, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _sources = [];
    private string? _connectionString;

    internal override async Task<IStateStore> OpenAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        var store = OpenPeer();
        await store.MigrateAsync(Ct);
        return store;
    }

    internal override IStateStore OpenPeer()
    {
        var source = NpgsqlDataSource.Create(_connectionString ?? throw new InvalidOperationException("OpenAsync first"));
        _sources.Add(source);
        return new PostgresStateStore(source, Time);
    }

    internal override async Task<int> ExecuteAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(_connectionString ?? throw new InvalidOperationException("OpenAsync first"));
        await using var command = source.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync(Ct);
    }

    internal override async Task<IStateStore> OpenAtVersionAsync(int version)
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        await ExecuteAsync("CREATE TABLE schema_version (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)");
        for (var v = 1; v <= version; v++)
        {
            await ExecuteAsync(PostgresSchema.Scripts[v - 1]);
            await ExecuteAsync($"INSERT INTO schema_version (version, applied_at) VALUES ({v}, now())");
        }
        return OpenPeer();
    }

    internal override async Task InsertOutboxRowAsOfVersion1Async(Alert alert) =>
        (await ExecuteAsync($"""
            INSERT INTO outbox (alert_id, subscriber_id, channel, payload, attempts, created_at, due_at)
            VALUES ('{alert.AlertId}', '{alert.SubscriberId}', 'email', '{AlertPayload.Serialize(alert).Replace("'", "''", StringComparison.Ordinal)}',
                    0, '{TestAlerts.Start:O}', '{TestAlerts.Start:O}')
            """)).ShouldBe(1);

    internal override async Task InsertSeenRowWithoutFingerprintAsync(string feedId, string key) =>
        (await ExecuteAsync($"INSERT INTO seen_items (feed_id, item_key, seen_at) VALUES ('{feedId}', '{key}', now())")).ShouldBe(1);

    [Fact]
    public async Task Nodes_migrating_at_once_apply_each_script_exactly_once()
    {
        _connectionString = await postgres.CreateDatabaseAsync(Ct);
        var nodes = Enumerable.Range(0, 6).Select(_ => OpenPeer()).ToList();

        await Task.WhenAll(nodes.Select(n => n.MigrateAsync(Ct)));

        await using var source = NpgsqlDataSource.Create(_connectionString);
        await using var command = source.CreateCommand("SELECT COUNT(*), MAX(version) FROM schema_version");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(PostgresSchema.Scripts.Count);
        reader.GetInt32(1).ShouldBe(PostgresSchema.Scripts.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources) await source.DisposeAsync();
    }
}
