using Aggregator.Storage.Sqlite;

namespace Aggregator.Tests.Storage;

/// <summary>A SQLite file in a fresh temporary directory, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "aggregator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string ConnectionString => $"Data Source={Path.Combine(Directory, "state.db")}";

    public async Task<SqliteStateStore> OpenAsync(TimeProvider time)
    {
        var store = new SqliteStateStore(ConnectionString, time);
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the system eventually.
        }
    }
}
