using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>
/// The state store on one SQLite file in WAL mode. Every operation opens a pooled connection of its own,
/// so the poller and the relay never share one; writers wait up to 5 s for each other (busy_timeout).
/// Times are stored as unix milliseconds. A database that cannot be opened or migrated, or whose file is deleted or
/// replaced once migrated, is a <see cref="StateUnavailableException"/> naming the file.
/// </summary>
internal sealed partial class SqliteStateStore : IStateStore, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly bool _onDisk;
    private SqliteFileWatch? _file;

    public SqliteStateStore(string connectionString, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        _onDisk = !string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
        if (_onDisk)
        {
            // A relative path is relative to the working directory; its folder may not exist on a first run.
            builder.DataSource = Path.GetFullPath(dataSource);
            var directory = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }
        _connectionString = builder.ToString();
        _time = time;
        Choices = new StoredChoices(async ct => await OpenAsync(ct), t => t.ToUnixTimeMilliseconds(), SqliteValues.ReadTime, time);
    }

    public ISubscriberChoices Choices { get; }

    /// <summary>The absolute path of the database file.</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = await OpenAsync(cancellationToken))
            {
                await SqliteMigrator.MigrateAsync(connection, _time.GetUtcNow(), cancellationToken);
            }
            if (_onDisk) _file ??= SqliteFileWatch.Open(_connectionString);
        }
        catch (SqliteException ex)
        {
            throw new StateUnavailableException($"the state database {DataSource} cannot be used: {ex.Message.TrimEnd('.')}", ex);
        }
    }

    public void Dispose() => _file?.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_file?.Moved == true)
        {
            throw new StateUnavailableException(
                $"the state database {DataSource} was deleted or replaced while the worker ran; nothing is written to it any more: restart the worker");
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<FeedState?> GetFeedStateAsync(string feedId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE feed_id = $feed";
        command.Parameters.AddWithValue("$feed", feedId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoredRows.FeedState(reader, SqliteValues.ReadTime) : null;
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteFeedStates.UpsertAsync(connection, null, state, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string?>> FindSeenFingerprintsAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return new Dictionary<string, string?>();
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        // One round trip for the whole feed: the keys travel as one JSON array.
        command.CommandText = "SELECT item_key, fingerprint FROM seen_items WHERE feed_id = $feed AND item_key IN (SELECT value FROM json_each($keys))";
        var stored = StoredText.ByStoredForm(keys);
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(stored.Select(g => g.Key)));
        return await StoredRows.FingerprintsAsync(command, stored, cancellationToken);
    }

    public async Task<int> CommitPollAsync(PollCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Lease is not null) throw new NotSupportedException("the shared schedule lives in PostgreSQL; a SQLite node schedules in memory");
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var seen = connection.CreateCommand();
        seen.Transaction = tx;
        seen.CommandText = "INSERT INTO seen_items (feed_id, item_key, seen_at, fingerprint) VALUES ($feed, $key, $now, $fingerprint) ON CONFLICT DO NOTHING";
        seen.Parameters.AddWithValue("$feed", commit.State.FeedId);
        seen.Parameters.AddWithValue("$now", now);
        var key = seen.Parameters.Add("$key", SqliteType.Text);
        var fingerprint = seen.Parameters.Add("$fingerprint", SqliteType.Text);
        using var outbox = SqliteOutbox.Prepare(connection, tx, now);
        using var archive = commit.Archive is { } toArchive ? SqliteItemArchive.Prepare(connection, tx, toArchive) : null;
        var stories = new StoredStories(connection, tx, t => t.ToUnixTimeMilliseconds());
        var queued = 0;
        foreach (var item in commit.Items)
        {
            var stored = StoredText.Clean(item.Key);
            key.Value = stored;
            fingerprint.Value = (object?)item.Fingerprint ?? DBNull.Value;
            // Only the poll that records the key first queues its alerts and archives it; a concurrent or repeated poll adds nothing.
            if (await seen.ExecuteNonQueryAsync(cancellationToken) == 0) continue;
            archive?.Recorded(stored);
            foreach (var draft in await stories.GroupAsync(item, _time.GetUtcNow(), cancellationToken))
                queued += await outbox.RunAsync(draft, cancellationToken);
            foreach (var rule in item.RuleIds)
                await SqliteRuleStats.CountAsync(connection, tx, rule, now, cancellationToken);
        }
        await SqliteFeedStates.UpsertAsync(connection, tx, commit.State, cancellationToken);
        if (commit.Log is { } log) await SqlitePollLog.AppendAsync(connection, tx, log, cancellationToken);
        if (archive is not null) await archive.WriteAsync(cancellationToken);
        if (commit.Archive is { } kept)
            await SqliteItemArchive.PruneAsync(connection, tx, commit.State.FeedId, kept.Keep, _time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }
}
