namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM outbox WHERE COALESCE(sent_at, dead_at) < @before");
        PostgresFeedStates.AddTime(command.Parameters, "before", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {PostgresFeedStates.Columns} FROM feed_state ORDER BY feed_id");
        var states = new List<FeedState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) states.Add(PostgresFeedStates.Read(reader));
        return states;
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
                    AND o.last_error IS NOT NULL ORDER BY COALESCE(o.dead_at, o.due_at) DESC LIMIT 1),
                (SELECT json_agg(DISTINCT r)::text FROM outbox AS o, jsonb_array_elements_text(o.pending_recipients::jsonb) AS r
                    WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.pending_recipients IS NOT NULL)
            FROM outbox GROUP BY subscriber_id, channel ORDER BY subscriber_id, channel
            """);
        var counts = new List<DeliveryCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new DeliveryCounts(
                reader.GetString(0), DeliveryChannelNames.Parse(reader.GetString(1)),
                reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                PostgresFeedStates.Time(reader, 6), PostgresFeedStates.Text(reader, 7),
                OutboxRecipients.Addresses(PostgresFeedStates.Text(reader, 8))));
        }
        return counts;
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT subscriber_id, channel, target, disabled_at, reason FROM disabled_endpoints ORDER BY subscriber_id, channel");
        var endpoints = new List<DisabledEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new DisabledEndpoint(
                reader.GetString(0), DeliveryChannelNames.Parse(reader.GetString(1)), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }
        return endpoints;
    }

    public async Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT rule_id, matches, last_match_at FROM rule_stats ORDER BY rule_id");
        var stats = new List<RuleStats>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stats.Add(new RuleStats(reader.GetString(0), reader.GetInt64(1), PostgresFeedStates.Time(reader, 2)));
        return stats;
    }
}
