namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<int> PruneOutboxAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox WHERE COALESCE(sent_at, dead_at) < $before";
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteFeedStates.Columns} FROM feed_state ORDER BY feed_id";
        var states = new List<FeedState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) states.Add(SqliteFeedStates.Read(reader));
        return states;
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
                    AND o.last_error IS NOT NULL ORDER BY COALESCE(o.dead_at, o.due_at) DESC LIMIT 1),
                (SELECT json_group_array(DISTINCT r.value) FROM outbox AS o, json_each(o.pending_recipients) AS r
                    WHERE o.subscriber_id = outbox.subscriber_id AND o.channel = outbox.channel
                    AND o.sent_at IS NULL AND o.dead_at IS NULL AND o.pending_recipients IS NOT NULL)
            FROM outbox GROUP BY subscriber_id, channel ORDER BY subscriber_id, channel
            """;
        var counts = new List<DeliveryCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new DeliveryCounts(
                reader.GetString(0), DeliveryChannelNames.Parse(reader.GetString(1)),
                reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                SqliteFeedStates.Time(reader, 6), SqliteFeedStates.Text(reader, 7),
                OutboxRecipients.Addresses(SqliteFeedStates.Text(reader, 8))));
        }
        return counts;
    }

    public async Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subscriber_id, channel, target, disabled_at, reason FROM disabled_endpoints ORDER BY subscriber_id, channel";
        var endpoints = new List<DisabledEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new DisabledEndpoint(
                reader.GetString(0), DeliveryChannelNames.Parse(reader.GetString(1)), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetString(4)));
        }
        return endpoints;
    }

    public async Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule_id, matches, last_match_at FROM rule_stats ORDER BY rule_id";
        var stats = new List<RuleStats>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stats.Add(new RuleStats(reader.GetString(0), reader.GetInt64(1), SqliteFeedStates.Time(reader, 2)));
        return stats;
    }
}
