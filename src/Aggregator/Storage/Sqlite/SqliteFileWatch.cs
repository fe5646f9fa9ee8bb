using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Aggregator.Storage.Sqlite;

/// <summary>
/// Keeps the state database open as it was when the store was migrated, to tell whether the file at its path is still
/// that one. A file deleted or replaced under a running worker would otherwise go unnoticed: SQLite carries on writing
/// to the open, unlinked file (writes no restart will see), and a new connection creates an empty one. SQLite itself
/// answers the question (<c>SQLITE_FCNTL_HAS_MOVED</c>: the path no longer leads to the open file).
/// </summary>
internal sealed class SqliteFileWatch : IDisposable
{
    private const int HasMovedControl = 20;
    private readonly SqliteConnection _connection;
    private readonly string _path;
    private readonly Lock _gate = new();
    private bool _disposed;

    private SqliteFileWatch(SqliteConnection connection, string path)
    {
        _connection = connection;
        _path = path;
    }

    /// <summary>Opens its own connection, outside the pool, to the database of <paramref name="connectionString"/>.</summary>
    public static SqliteFileWatch Open(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return new SqliteFileWatch(connection, builder.DataSource);
    }

    /// <summary>True once the path no longer leads to the file opened at start.</summary>
    public bool Moved
    {
        get
        {
            lock (_gate)
            {
                if (_disposed) return false;
                if (!File.Exists(_path)) return true;
                try
                {
                    var moved = 0;
                    return FileControl(_connection.Handle!, IntPtr.Zero, HasMovedControl, ref moved) == 0 && moved != 0;
                }
                catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
                {
                    // Another SQLite build under Microsoft.Data.Sqlite: a deleted file is still seen above.
                    return false;
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _connection.Dispose();
        }
    }

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control")]
    private static extern int FileControl(sqlite3 db, IntPtr databaseName, int operation, ref int argument);
}
