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
            {StoredRows.FeedStateUpdate}
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
