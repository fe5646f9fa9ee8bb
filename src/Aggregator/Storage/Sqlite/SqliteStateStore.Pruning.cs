using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    /// <summary>
    /// Three statements in one transaction, each limited to the feed's range of the primary key: clear the
    /// absence of present keys, start the absence of missing ones, delete keys absent since before the cutoff.
    /// A feed that served nothing new (304, identical body) is not parsed and keeps its marks unchanged.
    /// </summary>
    public async Task<int> PruneSeenAsync(string feedId, IReadOnlyCollection<string> presentKeys, TimeSpan retention, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(presentKeys.Select(k => StoredText.Clean(k))));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$cutoff", (now - retention).ToUnixTimeMilliseconds());
        command.CommandText = """
            UPDATE seen_items SET absent_since = NULL
             WHERE feed_id = $feed AND absent_since IS NOT NULL AND item_key IN (SELECT value FROM json_each($keys));
            UPDATE seen_items SET absent_since = $now
             WHERE feed_id = $feed AND absent_since IS NULL AND item_key NOT IN (SELECT value FROM json_each($keys));
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "DELETE FROM seen_items WHERE feed_id = $feed AND absent_since < $cutoff AND seen_at < $cutoff";
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox WHERE COALESCE(sent_at, dead_at, suppressed_at) < $before";
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = StoryPruning;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Stories older than the outbox's history, which is longer than any story window, and their keys and copies.</summary>
    private const string StoryPruning = """
        DELETE FROM story_keys WHERE (subscriber_id, rule_id, alert_id) IN (SELECT subscriber_id, rule_id, alert_id FROM stories WHERE at < $before);
        DELETE FROM stories WHERE at < $before;
        DELETE FROM story_copies WHERE at < $before;
        """;

    public async Task<IReadOnlyList<StoryCopy>> StoryCopiesAsync(IReadOnlyCollection<string> alertIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StoredStories.CopiesAsync(connection, alertIds, SqliteValues.ReadTime, cancellationToken);
    }
}
