using Aggregator.Storage.Postgres;
using Aggregator.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Aggregator.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite <see cref="IStateStore"/>; the host calls <see cref="IStateStore.MigrateAsync"/> at start.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStateStore>(sp => new SqliteStateStore(connectionString, sp.GetRequiredService<TimeProvider>()));
        return services.AddStoreRoles();
    }

    /// <summary>
    /// Registers the PostgreSQL <see cref="IStateStore"/> over one pooled <see cref="NpgsqlDataSource"/> (disposed
    /// with the container); the host calls <see cref="IStateStore.MigrateAsync"/> at start.
    /// </summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(PooledConnectionString(connectionString)));
        services.AddSingleton<IStateStore>(sp => new PostgresStateStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        return services.AddStoreRoles();
    }

    /// <summary>A node's connections, unless the connection string says otherwise.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>
    /// The operator's connection string with two defaults of ours. Hundreds of polls in flight commit a few at a time, so a
    /// node needs a handful of connections, not Npgsql's 100 (three nodes would exhaust PostgreSQL's default
    /// max_connections). And nothing here leaves session state on a pooled connection (the schedule lock has a connection
    /// of its own), so the DISCARD ALL that would reset each connection on its way back to the pool is a statement per use
    /// for nothing.
    /// </summary>
    internal static string PooledConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize")) builder.MaxPoolSize = DefaultMaxPoolSize;
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Each role of the one store, so the poller, the relay, <c>status</c>, the console and the subscriber pages take only the part they use.</summary>
    private static IServiceCollection AddStoreRoles(this IServiceCollection services) => services
        .AddSingleton<IPollStore>(sp => sp.GetRequiredService<IStateStore>())
        .AddSingleton<IOutbox>(sp => sp.GetRequiredService<IStateStore>())
        .AddSingleton<IStatusStore>(sp => sp.GetRequiredService<IStateStore>())
        .AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<IStateStore>())
        .AddSingleton<IItemArchive>(sp => sp.GetRequiredService<IStateStore>())
        .AddSingleton(sp => sp.GetRequiredService<IStateStore>().Choices)
        .AddSingleton<ISubscriberChoiceReads>(sp => sp.GetRequiredService<IStateStore>().Choices);
}
