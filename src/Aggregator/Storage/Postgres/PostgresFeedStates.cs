using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Writes <see cref="FeedState"/> to the <c>feed_state</c> table (read by <see cref="StoredRows.FeedState"/>).</summary>
internal static class PostgresFeedStates
{
    public static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, FeedState s, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO feed_state ({StoredRows.FeedStateColumns})
            VALUES (@feed, @etag, @lm, @hash, @poll, @result, @status, @error, @failures, @newItem, @seen, @notBefore, @disabled, @redirect)
            {StoredRows.FeedStateUpdate}
            """, connection, tx);
        var p = command.Parameters;
        p.AddWithValue("feed", s.FeedId);
        PostgresValues.AddText(p, "etag", s.ETag);
        PostgresValues.AddText(p, "lm", s.LastModified);
        PostgresValues.AddText(p, "hash", s.BodyHash);
        PostgresValues.AddTime(p, "poll", s.LastPollAt);
        PostgresValues.AddText(p, "result", s.LastResult is { } result ? PollOutcomeNames.Name(result) : null);
        p.Add(new NpgsqlParameter<int?>("status", NpgsqlDbType.Integer) { TypedValue = s.LastHttpStatus });
        PostgresValues.AddText(p, "error", s.LastError);
        p.AddWithValue("failures", s.ConsecutiveFailures);
        PostgresValues.AddTime(p, "newItem", s.LastNewItemAt);
        p.AddWithValue("seen", s.ItemsSeen);
        PostgresValues.AddTime(p, "notBefore", s.NotBefore);
        p.AddWithValue("disabled", s.Disabled);
        PostgresValues.AddText(p, "redirect", s.PermanentRedirect);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
