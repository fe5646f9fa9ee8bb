using Npgsql;

namespace Aggregator.Scheduling;

/// <summary>
/// Serialises <see cref="SharedFeedSchedule.ApplyAsync"/> across the nodes of a cluster, so that nodes reloading the same
/// config at the same moment do not each reschedule the same feed: the first applies the change, the others find it
/// applied. A session-level PostgreSQL advisory lock held on an unpooled connection of its own while one node
/// applies the schedule. Closing the connection ends the session and so releases the lock, also when
/// the node dies holding it.
/// </summary>
internal sealed class PostgresScheduleLock
{
    /// <summary>The advisory lock key, distinct from the migration's ("aggsched" in ASCII).</summary>
    public const long LockKey = 0x6167677363686564;

    private readonly string _connectionString;

    public PostgresScheduleLock(string connectionString)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Waiting is the point: a peer may hold the lock for as long as applying a large schedule takes, so no command timeout.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", LockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
