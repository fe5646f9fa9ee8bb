using Aggregator.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite <see cref="IStateStore"/>; the host calls <see cref="IStateStore.MigrateAsync"/> at start.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStateStore>(sp => new SqliteStateStore(connectionString, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
