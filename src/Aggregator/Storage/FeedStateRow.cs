using System.Data.Common;

namespace Aggregator.Storage;

/// <summary>
/// The <c>feed_state</c> row both stores share: the same columns in the same order. Only how a time is
/// stored differs (unix milliseconds on SQLite, <c>timestamptz</c> on PostgreSQL), so the caller reads times.
/// </summary>
internal static class FeedStateRow
{
    public const string Columns =
        "feed_id, etag, last_modified, body_hash, last_poll_at, last_result, last_http_status, last_error, " +
        "consecutive_failures, last_new_item_at, items_seen, not_before, disabled, permanent_redirect";

    public static FeedState Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset?> time)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(time);
        return new()
        {
            FeedId = r.GetString(0),
            ETag = Text(r, 1),
            LastModified = Text(r, 2),
            BodyHash = Text(r, 3),
            LastPollAt = time(r, 4),
            LastResult = Text(r, 5) is { } result ? PollOutcomeNames.Parse(result) : null,
            LastHttpStatus = r.IsDBNull(6) ? null : r.GetInt32(6),
            LastError = Text(r, 7),
            ConsecutiveFailures = r.GetInt32(8),
            LastNewItemAt = time(r, 9),
            ItemsSeen = r.GetInt64(10),
            NotBefore = time(r, 11),
            // An integer 0/1 on SQLite, a boolean on PostgreSQL.
            Disabled = Convert.ToBoolean(r.GetValue(12), System.Globalization.CultureInfo.InvariantCulture),
            PermanentRedirect = Text(r, 13),
        };
    }

    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
