using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Appends to the <c>poll_log</c> table (read by <see cref="StoredRows.PollLogEntry"/>).</summary>
internal static class SqlitePollLog
{
    /// <summary>
    /// Inserts the entry and deletes the feed's entries older than its last <see cref="PollLog.KeptPerFeed"/>: one
    /// row out for one row in, found through the <c>poll_log_feed</c> index.
    /// </summary>
    public static async Task AppendAsync(SqliteConnection connection, SqliteTransaction tx, PollLogEntry e, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            INSERT INTO poll_log ({StoredRows.PollLogColumns})
            VALUES ($feed, $at, $outcome, $status, $bytes, $duration, $new, $error, $url);
            DELETE FROM poll_log WHERE feed_id = $feed AND (polled_at, id) < (
                SELECT polled_at, id FROM poll_log WHERE feed_id = $feed ORDER BY polled_at DESC, id DESC LIMIT 1 OFFSET {PollLog.KeptPerFeed - 1});
            """;
        var p = command.Parameters;
        p.AddWithValue("$feed", e.FeedId);
        p.AddWithValue("$at", e.PolledAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$outcome", PollOutcomeNames.Name(e.Outcome));
        p.AddWithValue("$status", (object?)e.HttpStatus ?? DBNull.Value);
        p.AddWithValue("$bytes", (object?)e.BytesReceived ?? DBNull.Value);
        p.AddWithValue("$duration", (int)e.Duration.TotalMilliseconds);
        p.AddWithValue("$new", e.NewItems);
        p.AddWithValue("$error", SqliteValues.Text(e.Error));
        p.AddWithValue("$url", SqliteValues.Text(e.FinalUrl));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
