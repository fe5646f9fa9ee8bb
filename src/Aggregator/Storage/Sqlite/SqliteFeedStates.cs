using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Maps <see cref="FeedState"/> to and from the <c>feed_state</c> table.</summary>
internal static class SqliteFeedStates
{
    public const string Columns = FeedStateRow.Columns;

    public static FeedState Read(DbDataReader r) => FeedStateRow.Read(r, Time);

    public static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction? tx, FeedState s, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            INSERT INTO feed_state ({Columns})
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
        p.AddWithValue("$etag", Stored(s.ETag));
        p.AddWithValue("$lm", Stored(s.LastModified));
        p.AddWithValue("$hash", (object?)s.BodyHash ?? DBNull.Value);
        p.AddWithValue("$poll", Ms(s.LastPollAt));
        p.AddWithValue("$result", s.LastResult is { } result ? PollOutcomeNames.Name(result) : DBNull.Value);
        p.AddWithValue("$status", (object?)s.LastHttpStatus ?? DBNull.Value);
        p.AddWithValue("$error", Stored(s.LastError));
        p.AddWithValue("$failures", s.ConsecutiveFailures);
        p.AddWithValue("$newItem", Ms(s.LastNewItemAt));
        p.AddWithValue("$seen", s.ItemsSeen);
        p.AddWithValue("$notBefore", Ms(s.NotBefore));
        p.AddWithValue("$disabled", s.Disabled ? 1 : 0);
        p.AddWithValue("$redirect", Stored(s.PermanentRedirect));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A text value as <see cref="StoredText"/> keeps it (the PostgreSQL store's rule): the values come from feeds and their servers.</summary>
    public static object Stored(string? text) => (object?)StoredText.Clean(text) ?? DBNull.Value;

    public static object Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset? Time(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));

    public static string? Text(DbDataReader r, int i) => FeedStateRow.Text(r, i);
}
