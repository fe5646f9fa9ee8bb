using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    public async Task<long> RecordConfigChangeAsync(ConfigChange change, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            DELETE FROM config_changes WHERE at < $cutoff;
            INSERT INTO config_changes (at, operator, file, mode, outcome, message, settled_at, diff)
            VALUES ($at, $operator, $file, $mode, $outcome, $message, $settled, $diff)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$cutoff", (_time.GetUtcNow() - ConfigChangeLog.Kept).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$at", change.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$operator", SqliteValues.Text(change.Operator));
        command.Parameters.AddWithValue("$file", SqliteValues.Text(change.File));
        command.Parameters.AddWithValue("$mode", ConfigChangeNames.Name(change.Mode));
        command.Parameters.AddWithValue("$outcome", ConfigChangeNames.Name(change.Outcome));
        command.Parameters.AddWithValue("$message", SqliteValues.Text(change.Message));
        command.Parameters.AddWithValue("$settled", SqliteValues.Ms(change.SettledAt));
        command.Parameters.AddWithValue("$diff", ConfigChangeDiff.Bounded(StoredText.Clean(change.Diff)));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    public async Task SetConfigChangeOutcomeAsync(long id, ConfigChangeOutcome outcome, string? message, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE config_changes SET outcome = $outcome, message = $message, settled_at = $now WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$outcome", ConfigChangeNames.Name(outcome));
        command.Parameters.AddWithValue("$message", SqliteValues.Text(message));
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) throw new KeyNotFoundException($"no config change {id}");
    }

    public async Task<IReadOnlyList<ConfigChange>> ListConfigChangesAsync(long? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredRows.ConfigChangeColumns} FROM config_changes WHERE $before IS NULL OR id < $before ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ListAsync(command, r => StoredRows.ConfigChange(r, SqliteValues.ReadTime), cancellationToken);
    }

    public async Task<ConfigChangeCounts> CountConfigChangesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = StoredRows.CountConfigChanges;
        return (await StoredRows.ListAsync(command, r => StoredRows.ConfigChangeCounts(r, SqliteValues.ReadTime), cancellationToken)).Single();
    }
}
