using Aggregator.Tests.Support;
using Npgsql;

namespace Aggregator.Tests.Storage;

/// <summary>
/// One throwaway PostgreSQL server per test class; each test asks for a database of its own. When the
/// machine has no PostgreSQL the tests skip with the reason, unless <see cref="PostgresServer.Required"/>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _why;
    private int _databases;

    internal PostgresServer? Server => _server;

    public async ValueTask InitializeAsync()
    {
        (_server, _why) = await PostgresServer.TryStartAsync(CancellationToken.None);
    }

    /// <summary>The server, or the test ends here: skipped with the reason, or failed when PostgreSQL is required.</summary>
    internal PostgresServer Require()
    {
        if (_server is not null) return _server;
        var why = "PostgreSQL unavailable: " + _why;
        if (PostgresServer.Required) Assert.Fail(why + " (AGGREGATOR_REQUIRE_POSTGRES=1)");
        Assert.Skip(why);
        return null!;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    internal async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = Require();
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await using (var admin = new NpgsqlConnection(server.ConnectionString()))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return server.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null) await _server.DisposeAsync();
    }
}
