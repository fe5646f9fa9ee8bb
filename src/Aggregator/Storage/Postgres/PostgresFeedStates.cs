using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Writes <see cref="FeedState"/> to the <c>feed_state</c> table (read by <see cref="StoredRows.FeedState"/>).</summary>
internal static class PostgresFeedStates
{
    /// <summary>
    /// Saves the state and, when given, appends the poll's log entry (<see cref="PostgresPollLog"/>), in one batch: one round
    /// trip, and one implicit transaction when <paramref name="tx"/> is null.
    /// </summary>
    /// <param name="more">Further statements of the same commit (the item archive's), run in the same batch.</param>
    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, FeedState state, PollLogEntry? log, CancellationToken cancellationToken,
        IEnumerable<NpgsqlBatchCommand>? more = null)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(Upsert(state));
        if (log is not null) batch.BatchCommands.Add(PostgresPollLog.Append(log));
        foreach (var command in more ?? []) batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Upsert(FeedState s)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO feed_state ({StoredRows.FeedStateColumns})
            VALUES (@feed, @etag, @lm, @hash, @poll, @result, @status, @error, @failures, @newItem, @seen, @notBefore, @disabled, @redirect)
            {StoredRows.FeedStateUpdate}
            """);
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
        return command;
    }
}
