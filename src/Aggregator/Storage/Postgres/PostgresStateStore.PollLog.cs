namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<IReadOnlyList<PollLogEntry>> ListPollsAsync(string feedId, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {StoredRows.PollLogColumns} FROM poll_log WHERE feed_id = @feed ORDER BY polled_at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("feed", feedId);
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ListAsync(command, r => StoredRows.PollLogEntry(r, PostgresValues.ReadTime), cancellationToken);
    }

    /// <summary>Per feed of <c>feed_state</c> (the poll that logs an entry saves the state with it), a short index scan of its newest entries.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RecentPoll>>> ListRecentPollsAsync(IReadOnlyCollection<string> feedIds, int perFeed, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT f.feed_id, p.polled_at, p.outcome, p.http_status, p.new_items FROM unnest(@feeds) AS f (feed_id)
            CROSS JOIN LATERAL (
                SELECT polled_at, outcome, http_status, new_items, id FROM poll_log
                WHERE poll_log.feed_id = f.feed_id ORDER BY polled_at DESC, id DESC LIMIT @n) AS p
            ORDER BY f.feed_id, p.polled_at DESC, p.id DESC
            """);
        command.Parameters.AddWithValue("n", perFeed);
        command.Parameters.Add(PostgresValues.TextArray("feeds", feedIds));
        return StoredRows.ByFeed(await StoredRows.ListAsync(command, r => StoredRows.RecentPoll(r, PostgresValues.ReadTime), cancellationToken));
    }
}
