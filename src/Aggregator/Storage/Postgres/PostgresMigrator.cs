using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// Applies the scripts of <see cref="PostgresSchema"/> not yet recorded in <c>schema_version</c>, in one
/// transaction that first takes a transaction-scoped advisory lock: nodes starting at once queue on the
/// lock, and each later one finds the versions already recorded. DDL is transactional in PostgreSQL, so a
/// crash mid-upgrade leaves the schema as it was.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key, shared by every node of one database ("aggregat" in ASCII).</summary>
    public const long LockKey = 0x6167677265676174;

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, tx))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, applied_at timestamptz NOT NULL)", connection, tx))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_version", connection, tx))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
        }
        var count = 0;
        for (var version = 1; version <= PostgresSchema.Scripts.Count; version++)
        {
            if (applied.Contains(version)) continue;
            await using (var script = new NpgsqlCommand(PostgresSchema.Scripts[version - 1], connection, tx))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES (@v, @at)", connection, tx);
            record.Parameters.AddWithValue("v", version);
            record.Parameters.AddWithValue("at", now);
            await record.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        await tx.CommitAsync(cancellationToken);
        return count;
    }
}
