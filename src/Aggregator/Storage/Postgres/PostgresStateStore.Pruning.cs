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
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        // Stories older than the outbox's history, which is longer than any story window, and their keys and copies.
        await using var stories = _dataSource.CreateCommand("""
            DELETE FROM story_keys k USING stories s
             WHERE s.at < @before AND k.subscriber_id = s.subscriber_id AND k.rule_id = s.rule_id AND k.alert_id = s.alert_id;
            DELETE FROM stories WHERE at < @before;
            DELETE FROM story_copies WHERE at < @before;
            """);
        PostgresValues.AddTime(stories.Parameters, "before", before);
        await stories.ExecuteNonQueryAsync(cancellationToken);
        return deleted;
    }

    public async Task<IReadOnlyList<StoryCopy>> StoryCopiesAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await StoredStories.CopiesAsync(connection, alertIds, PostgresValues.ReadTime, cancellationToken);
    }
}
