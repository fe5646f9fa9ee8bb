using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Storage.Sqlite;

/// <summary>
/// Before a worker on SQLite starts: it takes the database's <see cref="SqliteOwnerLock"/>, and then, being
/// the only worker, takes back at once the deliveries a crashed predecessor had claimed instead of waiting
/// for their lease to run out. (A cluster on PostgreSQL cannot tell a dead node's claims from a live one's,
/// so there the lease decides.)
/// </summary>
internal sealed class SqliteWorkerStart(IStateStore store, ILogger<SqliteWorkerStart> logger) : IHostedService, IDisposable
{
    private SqliteOwnerLock? _lock;

    /// <summary>Done once: <c>run</c> calls it before the host starts, which then finds it done.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_lock is not null || store is not SqliteStateStore { DataSource: not (":memory:" or "") } sqlite) return;
        _lock = SqliteOwnerLock.Acquire(sqlite.DataSource);
        await sqlite.MigrateAsync(cancellationToken);
        var released = await sqlite.ReleaseClaimsAsync(cancellationToken);
        if (released > 0)
        {
            logger.LogWarning(
                "{Count} deliveries were in progress when the previous run stopped; they are sent again now with the same message ids",
                released);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _lock?.Dispose();
}
