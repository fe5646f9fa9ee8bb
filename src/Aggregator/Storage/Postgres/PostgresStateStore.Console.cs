using System.Text;
using Npgsql;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    private const string Dead = "dead_at IS NOT NULL AND sent_at IS NULL";

    private const string EndpointDisabled =
        "EXISTS (SELECT 1 FROM disabled_endpoints AS d WHERE d.subscriber_id = outbox.subscriber_id AND d.channel = outbox.channel)";

    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        var where = new StringBuilder("true");
        if (query.SubscriberId is { } subscriber)
        {
            where.Append(" AND subscriber_id = @subscriber");
            command.Parameters.AddWithValue("subscriber", subscriber);
        }
        if (query.RuleId is { } rule)
        {
            where.Append(" AND rule_ids::jsonb @> jsonb_build_array(@rule::text)");
            command.Parameters.AddWithValue("rule", rule);
        }
        if (query.Status is { } status) where.Append(" AND ").Append(StoredRows.DeliveryStatusCondition(status));
        if (query.From is { } from)
        {
            where.Append(" AND created_at >= @from");
            PostgresValues.AddTime(command.Parameters, "from", from);
        }
        if (query.To is { } to)
        {
            where.Append(" AND created_at < @to");
            PostgresValues.AddTime(command.Parameters, "to", to);
        }
        if (query.BeforeId is { } before)
        {
            where.Append(" AND id < @before");
            command.Parameters.AddWithValue("before", before);
        }
        command.CommandText = $"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE {where} ORDER BY id DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", query.Limit);
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<DeliveryRecord?> GetMessageAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, PostgresValues.ReadTime), cancellationToken)).SingleOrDefault();
    }

    public Task<ReplayResult> ReplayAsync(long id, CancellationToken cancellationToken) =>
        ReplayWhereAsync("id = @id", c => c.Parameters.AddWithValue("id", id), [id], cancellationToken);

    public Task<ReplayResult> ReplayDeadAsync(DateTimeOffset since, string? subscriberId, DeliveryChannel? channel, CancellationToken cancellationToken) =>
        ReplayWhereAsync(
            $"{Dead} AND dead_at >= @since" + (subscriberId is null ? "" : " AND subscriber_id = @subscriber") + (channel is null ? "" : " AND channel = @channel"),
            c =>
            {
                PostgresValues.AddTime(c.Parameters, "since", since);
                if (subscriberId is not null) c.Parameters.AddWithValue("subscriber", subscriberId);
                if (channel is { } ch) c.Parameters.AddWithValue("channel", DeliveryChannelNames.Name(ch));
            },
            null,
            cancellationToken);

    /// <summary>
    /// In one transaction: locks and reads what the selection holds (to say why a message is refused), then replays its
    /// dead letters whose endpoint is not disabled. <paramref name="asked"/> is the ids asked for, or null for all selected.
    /// </summary>
    private async Task<ReplayResult> ReplayWhereAsync(string selection, Action<NpgsqlCommand> bind, long[]? asked, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var found = new Dictionary<long, (bool Dead, bool Disabled)>();
        await using (var read = new NpgsqlCommand($"SELECT id, {Dead}, {EndpointDisabled} FROM outbox WHERE {selection} FOR UPDATE", connection, tx))
        {
            bind(read);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) found[reader.GetInt64(0)] = (reader.GetBoolean(1), reader.GetBoolean(2));
        }
        var replayed = new HashSet<long>();
        await using (var replay = new NpgsqlCommand($"""
            UPDATE outbox SET dead_at = NULL, due_at = @now, attempts = 0, claimed_until = NULL, last_error = NULL
            WHERE ({selection}) AND {Dead} AND NOT {EndpointDisabled}
            RETURNING id
            """, connection, tx))
        {
            bind(replay);
            PostgresValues.AddTime(replay.Parameters, "now", _time.GetUtcNow());
            await using var reader = await replay.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) replayed.Add(reader.GetInt64(0));
        }
        await tx.CommitAsync(cancellationToken);
        return new ReplayResult(replayed.Count, StoredRows.Refusals(asked ?? [.. found.Keys.Order()], found, replayed));
    }
}
