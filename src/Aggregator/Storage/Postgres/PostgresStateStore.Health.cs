namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT MIN(due_at) FROM outbox WHERE {Pending} AND due_at <= @now");
        PostgresValues.AddTime(command.Parameters, "now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return PostgresValues.ReadTime(reader, 0);
    }
}
