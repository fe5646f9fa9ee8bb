namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.FeedStateColumns} FROM feed_state ORDER BY feed_id";
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(IReadOnlyCollection<string> feedIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE feed_id IN (SELECT value FROM json_each($feeds))";
        command.Parameters.AddWithValue("$feeds", System.Text.Json.JsonSerializer.Serialize(feedIds));
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFailingFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE consecutive_failures > 0 OR disabled = 1 ORDER BY feed_id";
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT subscriber_id, channel,
                SUM(CASE WHEN {Pending} THEN 1 ELSE 0 END),
                SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN {Pending} AND last_error IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN dead_at IS NOT NULL THEN 1 ELSE 0 END),
                MAX(sent_at),
                (SELECT last_error FROM outbox AS o WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.last_error IS NOT NULL AND o.suppressed_at IS NULL ORDER BY COALESCE(o.dead_at, o.due_at) DESC LIMIT 1),
                (SELECT json_group_array(DISTINCT r.value) FROM outbox AS o, json_each(o.pending_recipients) AS r
                    WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.suppressed_at IS NULL AND o.pending_recipients IS NOT NULL),
                SUM(CASE WHEN suppressed_at IS NOT NULL THEN 1 ELSE 0 END)
            FROM outbox GROUP BY subscriber_id, channel ORDER BY subscriber_id, channel
            """;
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryCounts(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = StoredRows.SelectDisabledEndpoints;
        return await StoredRows.ListAsync(command, r => StoredRows.DisabledEndpoint(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = StoredRows.SelectRuleStats;
        return await StoredRows.ListAsync(command, r => StoredRows.RuleStats(r, SqliteValues.ReadTime), cancellationToken);
    }
}
