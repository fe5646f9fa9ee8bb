namespace Aggregator.Storage;

/// <summary>
/// Everything the worker remembers, on SQLite or PostgreSQL: what the poller needs (<see cref="IPollStore"/>),
/// the outbox the relay drains (<see cref="IOutbox"/>), and what <c>status</c> reads (<see cref="IStatusStore"/>).
/// Each part of the worker takes only its role; the host creates the schema through this one.
/// </summary>
internal interface IStateStore : IPollStore, IOutbox, IStatusStore
{
    /// <summary>Creates or upgrades the schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
