namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MIN(due_at) FROM outbox WHERE {Pending} AND due_at <= $now";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
