using System.Text;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
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
}
