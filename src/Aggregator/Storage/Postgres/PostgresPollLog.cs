using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Appends to the <c>poll_log</c> table (read by <see cref="StoredRows.PollLogEntry"/>).</summary>
internal static class PostgresPollLog
{
    /// <summary>
    /// Inserts the entry and deletes the feed's entries older than its last <see cref="PollLog.KeptPerFeed"/>, in one statement:
    /// one row out for one row in, found through the <c>poll_log_feed</c> index. The delete does not see the row being
    /// inserted (one snapshot), so it keeps one old entry fewer.
    /// </summary>
    public static NpgsqlBatchCommand Append(PollLogEntry e)
    {
        var command = new NpgsqlBatchCommand($"""
            WITH appended AS (
                INSERT INTO poll_log ({StoredRows.PollLogColumns})
                VALUES (@feed, @at, @outcome, @status, @bytes, @duration, @new, @error, @url))
            DELETE FROM poll_log WHERE feed_id = @feed AND (polled_at, id) < (
                SELECT polled_at, id FROM poll_log WHERE feed_id = @feed ORDER BY polled_at DESC, id DESC LIMIT 1 OFFSET {PollLog.KeptPerFeed - 2})
            """);
        var p = command.Parameters;
        p.AddWithValue("feed", e.FeedId);
        PostgresValues.AddTime(p, "at", e.PolledAt);
        p.AddWithValue("outcome", PollOutcomeNames.Name(e.Outcome));
        p.Add(new NpgsqlParameter<int?>("status", NpgsqlDbType.Integer) { TypedValue = e.HttpStatus });
        p.Add(new NpgsqlParameter<long?>("bytes", NpgsqlDbType.Bigint) { TypedValue = e.BytesReceived });
        p.AddWithValue("duration", (int)e.Duration.TotalMilliseconds);
        p.AddWithValue("new", e.NewItems);
        PostgresValues.AddText(p, "error", e.Error);
        PostgresValues.AddText(p, "url", e.FinalUrl);
        return command;
    }
}
