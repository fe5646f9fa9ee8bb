using System.Text;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var where = new StringBuilder("1 = 1");
        if (query.SubscriberId is { } subscriber)
        {
            where.Append(" AND subscriber_id = $subscriber");
            command.Parameters.AddWithValue("$subscriber", subscriber);
        }
        if (query.RuleId is { } rule)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM json_each(outbox.rule_ids) WHERE value = $rule)");
            command.Parameters.AddWithValue("$rule", rule);
        }
        if (query.Status is { } status) where.Append(" AND ").Append(StoredRows.DeliveryStatusCondition(status));
        if (query.From is { } from)
        {
            where.Append(" AND created_at >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }
        if (query.To is { } to)
        {
            where.Append(" AND created_at < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }
        if (query.BeforeId is { } before)
        {
            where.Append(" AND id < $before");
            command.Parameters.AddWithValue("$before", before);
        }
        command.CommandText = $"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE {where} ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.Limit);
        return await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<DeliveryRecord?> GetMessageAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.DeliveryColumns} FROM outbox WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (await StoredRows.ListAsync(command, r => StoredRows.DeliveryRecord(r, SqliteValues.ReadTime), cancellationToken)).SingleOrDefault();
    }
}
