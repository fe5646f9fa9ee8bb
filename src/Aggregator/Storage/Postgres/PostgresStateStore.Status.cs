namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.FeedStateColumns} FROM feed_state ORDER BY feed_id");
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(IReadOnlyCollection<string> feedIds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE feed_id = ANY(@feeds)");
        command.Parameters.Add(PostgresValues.TextArray("feeds", feedIds));
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFailingFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE consecutive_failures > 0 OR disabled ORDER BY feed_id");
        return await StoredRows.ListAsync(command, r => StoredRows.FeedState(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT subscriber_id, channel,
                COUNT(*) FILTER (WHERE {Pending})::int,
                COUNT(*) FILTER (WHERE sent_at IS NOT NULL)::int,
                COUNT(*) FILTER (WHERE {Pending} AND last_error IS NOT NULL)::int,
                COUNT(*) FILTER (WHERE dead_at IS NOT NULL)::int,
                MAX(sent_at),
                (SELECT o.last_error FROM outbox AS o WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.last_error IS NOT NULL AND o.suppressed_at IS NULL ORDER BY COALESCE(o.dead_at, o.due_at) DESC LIMIT 1),
                (SELECT json_agg(DISTINCT r)::text FROM outbox AS o, jsonb_array_elements_text(o.pending_recipients::jsonb) AS r
                    WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.suppressed_at IS NULL AND o.pending_recipients IS NOT NULL),
                COUNT(*) FILTER (WHERE suppressed_at IS NOT NULL)::int
            FROM outbox GROUP BY subscriber_id, channel ORDER BY subscriber_id, channel
            """);
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryCounts(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(StoredRows.SelectDisabledEndpoints);
        return await StoredRows.ListAsync(command, r => StoredRows.DisabledEndpoint(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(StoredRows.SelectRuleStats);
        return await StoredRows.ListAsync(command, r => StoredRows.RuleStats(r, PostgresValues.ReadTime), cancellationToken);
    }
}
