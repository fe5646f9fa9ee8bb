using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    /// <summary>As the SQLite store: mark present keys, start the absence of missing ones, delete keys absent since before the cutoff.</summary>
    public async Task<int> PruneSeenAsync(string feedId, IReadOnlyCollection<string> presentKeys, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE seen_items SET absent_since = NULL
             WHERE feed_id = @feed AND absent_since IS NOT NULL AND item_key = ANY(@keys);
            UPDATE seen_items SET absent_since = @now
             WHERE feed_id = @feed AND absent_since IS NULL AND NOT (item_key = ANY(@keys));
            """, connection, tx);
        command.Parameters.AddWithValue("feed", feedId);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = presentKeys.Select(k => StoredText.Clean(k)).ToArray() });
        PostgresValues.AddTime(command.Parameters, "now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);

        await using var delete = new NpgsqlCommand(
            "DELETE FROM seen_items WHERE feed_id = @feed AND absent_since < @cutoff AND seen_at < @cutoff", connection, tx);
        delete.Parameters.AddWithValue("feed", feedId);
        PostgresValues.AddTime(delete.Parameters, "cutoff", now - retention);
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM outbox WHERE COALESCE(sent_at, dead_at, suppressed_at) < @before");
        PostgresValues.AddTime(command.Parameters, "before", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
