namespace Aggregator.Storage;

/// <summary>
/// Everything the worker remembers, on SQLite or PostgreSQL: what the poller needs (<see cref="IPollStore"/>),
/// the outbox the relay drains (<see cref="IOutbox"/>), what <c>status</c> reads (<see cref="IStatusStore"/>), and
/// what the operator console reads and replays (<see cref="IConsoleStore"/>), the item archive that
/// backtests and explanations read (<see cref="IItemArchive"/>), and subscribers' choices (<see cref="Choices"/>).
/// Each part of the worker takes only its role; the host creates the schema through this one.
/// </summary>
internal interface IStateStore : IPollStore, IOutbox, IStatusStore, IConsoleStore, IItemArchive
{
    /// <summary>Subscribers' choices, kept in the same database.</summary>
    ISubscriberChoices Choices { get; }

    /// <summary>Creates or upgrades the schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
