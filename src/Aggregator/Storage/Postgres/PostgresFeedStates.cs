using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Maps <see cref="FeedState"/> to and from the <c>feed_state</c> table.</summary>
internal static class PostgresFeedStates
{
    public const string Columns = FeedStateRow.Columns;

    public static FeedState Read(DbDataReader r) => FeedStateRow.Read(r, Time);

    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, FeedState s, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO feed_state ({Columns})
            VALUES (@feed, @etag, @lm, @hash, @poll, @result, @status, @error, @failures, @newItem, @seen, @notBefore, @disabled, @redirect)
            ON CONFLICT (feed_id) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                last_poll_at = excluded.last_poll_at, last_result = excluded.last_result,
                last_http_status = excluded.last_http_status, last_error = excluded.last_error,
                consecutive_failures = excluded.consecutive_failures, last_new_item_at = excluded.last_new_item_at,
                items_seen = excluded.items_seen, not_before = excluded.not_before, disabled = excluded.disabled,
                permanent_redirect = excluded.permanent_redirect
            """, connection, tx);
        var p = command.Parameters;
        p.AddWithValue("feed", s.FeedId);
        AddText(p, "etag", s.ETag);
        AddText(p, "lm", s.LastModified);
        AddText(p, "hash", s.BodyHash);
        AddTime(p, "poll", s.LastPollAt);
        AddText(p, "result", s.LastResult is { } result ? PollOutcomeNames.Name(result) : null);
        p.Add(new NpgsqlParameter<int?>("status", NpgsqlDbType.Integer) { TypedValue = s.LastHttpStatus });
        AddText(p, "error", s.LastError);
        p.AddWithValue("failures", s.ConsecutiveFailures);
        AddTime(p, "newItem", s.LastNewItemAt);
        p.AddWithValue("seen", s.ItemsSeen);
        AddTime(p, "notBefore", s.NotBefore);
        p.AddWithValue("disabled", s.Disabled);
        AddText(p, "redirect", s.PermanentRedirect);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A <c>timestamptz</c> parameter; Npgsql accepts only UTC offsets for it, so the value is converted first.</summary>
    public static void AddTime(NpgsqlParameterCollection parameters, string name, DateTimeOffset? time) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time is { } t ? t.ToUniversalTime() : DBNull.Value });

    /// <summary>A text parameter, as <see cref="StoredText"/> keeps it: the values come from feeds and their servers.</summary>
    public static void AddText(NpgsqlParameterCollection parameters, string name, string? text) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)StoredText.Clean(text) ?? DBNull.Value });

    public static DateTimeOffset? Time(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    public static string? Text(DbDataReader r, int i) => FeedStateRow.Text(r, i);
}
