namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<IReadOnlyList<PollLogEntry>> ListPollsAsync(string feedId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.PollLogColumns} FROM poll_log WHERE feed_id = $feed ORDER BY polled_at DESC, id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$feed", feedId);
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ListAsync(command, r => StoredRows.PollLogEntry(r, SqliteValues.ReadTime), cancellationToken);
    }

    /// <summary>One pass over the <c>poll_log_feed</c> index (it covers these columns), numbering each feed's rows newest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RecentPoll>>> ListRecentPollsAsync(IReadOnlyCollection<string> feedIds, int perFeed, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT feed_id, polled_at, outcome, http_status, new_items FROM (
                SELECT feed_id, polled_at, outcome, http_status, new_items, id,
                       ROW_NUMBER() OVER (PARTITION BY feed_id ORDER BY polled_at DESC, id DESC) AS n
                FROM poll_log WHERE feed_id IN (SELECT value FROM json_each($feeds)))
            WHERE n <= $n ORDER BY feed_id, polled_at DESC, id DESC
            """;
        command.Parameters.AddWithValue("$n", perFeed);
        command.Parameters.AddWithValue("$feeds", System.Text.Json.JsonSerializer.Serialize(feedIds));
        return StoredRows.ByFeed(await StoredRows.ListAsync(command, r => StoredRows.RecentPoll(r, SqliteValues.ReadTime), cancellationToken));
    }
}
