using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>
/// Applies the scripts of <see cref="SqliteSchema"/> not yet recorded in <c>schema_version</c>, each in its
/// own transaction with its version row, so a crash mid-upgrade leaves a version applied whole or not at all.
/// </summary>
internal static class SqliteMigrator
{
    public static async Task<int> MigrateAsync(SqliteConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Execute(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await Execute(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);",
            cancellationToken);
        var applied = 0;
        for (var version = 1; version <= SqliteSchema.Scripts.Count; version++)
        {
            using var tx = connection.BeginTransaction();
            using var check = connection.CreateCommand();
            check.Transaction = tx;
            check.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = $v";
            check.Parameters.AddWithValue("$v", version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                continue;
            await Execute(connection, tx, SqliteSchema.Scripts[version - 1], cancellationToken);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            applied++;
        }
        return applied;
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
