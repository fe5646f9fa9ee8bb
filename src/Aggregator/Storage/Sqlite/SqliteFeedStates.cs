using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Writes <see cref="FeedState"/> to the <c>feed_state</c> table (read by <see cref="StoredRows.FeedState"/>).</summary>
internal static class SqliteFeedStates
{
    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction? tx, FeedState s, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            INSERT INTO feed_state ({StoredRows.FeedStateColumns})
            VALUES ($feed, $etag, $lm, $hash, $poll, $result, $status, $error, $failures, $newItem, $seen, $notBefore, $disabled, $redirect)
            ON CONFLICT (feed_id) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                last_poll_at = excluded.last_poll_at, last_result = excluded.last_result,
                last_http_status = excluded.last_http_status, last_error = excluded.last_error,
                consecutive_failures = excluded.consecutive_failures, last_new_item_at = excluded.last_new_item_at,
                items_seen = excluded.items_seen, not_before = excluded.not_before, disabled = excluded.disabled,
                permanent_redirect = excluded.permanent_redirect
            """;
        var p = command.Parameters;
        p.AddWithValue("$feed", s.FeedId);
        p.AddWithValue("$etag", SqliteValues.Text(s.ETag));
        p.AddWithValue("$lm", SqliteValues.Text(s.LastModified));
        p.AddWithValue("$hash", (object?)s.BodyHash ?? DBNull.Value);
        p.AddWithValue("$poll", SqliteValues.Ms(s.LastPollAt));
        p.AddWithValue("$result", s.LastResult is { } result ? PollOutcomeNames.Name(result) : DBNull.Value);
        p.AddWithValue("$status", (object?)s.LastHttpStatus ?? DBNull.Value);
        p.AddWithValue("$error", SqliteValues.Text(s.LastError));
        p.AddWithValue("$failures", s.ConsecutiveFailures);
        p.AddWithValue("$newItem", SqliteValues.Ms(s.LastNewItemAt));
        p.AddWithValue("$seen", s.ItemsSeen);
        p.AddWithValue("$notBefore", SqliteValues.Ms(s.NotBefore));
        p.AddWithValue("$disabled", s.Disabled ? 1 : 0);
        p.AddWithValue("$redirect", SqliteValues.Text(s.PermanentRedirect));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
