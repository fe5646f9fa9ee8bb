using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    public async Task<long> RecordConfigChangeAsync(ConfigChange change, CancellationToken cancellationToken)
    {
        // One statement, so the pruning and the insert are one transaction.
        await using var command = _dataSource.CreateCommand("""
            WITH pruned AS (DELETE FROM config_changes WHERE at < @cutoff)
            INSERT INTO config_changes (at, operator, file, mode, outcome, message, settled_at, diff)
            VALUES (@at, @operator, @file, @mode, @outcome, @message, @settled, @diff)
            RETURNING id
            """);
        PostgresValues.AddTime(command.Parameters, "cutoff", _time.GetUtcNow() - ConfigChangeLog.Kept);
        PostgresValues.AddTime(command.Parameters, "at", change.At);
        PostgresValues.AddText(command.Parameters, "operator", change.Operator);
        PostgresValues.AddText(command.Parameters, "file", change.File);
        PostgresValues.AddText(command.Parameters, "mode", ConfigChangeNames.Name(change.Mode));
        PostgresValues.AddText(command.Parameters, "outcome", ConfigChangeNames.Name(change.Outcome));
        PostgresValues.AddText(command.Parameters, "message", change.Message);
        PostgresValues.AddTime(command.Parameters, "settled", change.SettledAt);
        PostgresValues.AddText(command.Parameters, "diff", ConfigChangeDiff.Bounded(StoredText.Clean(change.Diff)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task SetConfigChangeOutcomeAsync(long id, ConfigChangeOutcome outcome, string? message, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "UPDATE config_changes SET outcome = @outcome, message = @message, settled_at = @now WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        PostgresValues.AddText(command.Parameters, "outcome", ConfigChangeNames.Name(outcome));
        PostgresValues.AddText(command.Parameters, "message", message);
        PostgresValues.AddTime(command.Parameters, "now", _time.GetUtcNow());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) throw new KeyNotFoundException($"no config change {id}");
    }

    public async Task<IReadOnlyList<ConfigChange>> ListConfigChangesAsync(long? before, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {StoredRows.ConfigChangeColumns} FROM config_changes WHERE @before::bigint IS NULL OR id < @before ORDER BY id DESC LIMIT @limit");
        command.Parameters.Add(new Npgsql.NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)before ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ListAsync(command, r => StoredRows.ConfigChange(r, PostgresValues.ReadTime), cancellationToken);
    }

    public async Task<ConfigChangeCounts> CountConfigChangesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(StoredRows.CountConfigChanges);
        return (await StoredRows.ListAsync(command, r => StoredRows.ConfigChangeCounts(r, PostgresValues.ReadTime), cancellationToken)).Single();
    }
}
