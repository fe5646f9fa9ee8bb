namespace Aggregator.Storage.Sqlite;

/// <summary>
/// One worker per SQLite database: an exclusive lock on a file beside it, held for the worker's life and
/// released by the operating system however the process ends. A second worker on the same file would poll
/// every feed twice, and a worker could not safely take back claims left by a crashed predecessor.
/// </summary>
internal sealed class SqliteOwnerLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteOwnerLock(FileStream file) => _file = file;

    /// <summary>Takes the lock for <paramref name="databasePath"/>.</summary>
    /// <exception cref="StateInUseException">Another running worker holds it.</exception>
    public static SqliteOwnerLock Acquire(string databasePath)
    {
        var path = databasePath + ".lock";
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true)) writer.Write(Environment.ProcessId);
            return new SqliteOwnerLock(file);
        }
        catch (IOException ex)
        {
            throw new StateInUseException(
                $"the state database {databasePath} is in use by another running worker (lock file {path}); " +
                "stop that worker, or give this one its own settings.storage.connectionString", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
