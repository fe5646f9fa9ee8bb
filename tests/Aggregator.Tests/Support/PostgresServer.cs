using System.Diagnostics;

namespace Aggregator.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a temp directory and <c>pg_ctl start</c> on a free
/// loopback port, run as the <c>postgres</c> user. <see cref="TryStartAsync"/> returns null with the
/// reason when the machine has no PostgreSQL; CI (AGGREGATOR_REQUIRE_POSTGRES=1) makes that a failure.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _dataDir;
    private readonly string _pgCtl;

    private PostgresServer(string dataDir, string pgCtl, int port)
    {
        _dataDir = dataDir;
        _pgCtl = pgCtl;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=10";

    public static bool Required => Environment.GetEnvironmentVariable("AGGREGATOR_REQUIRE_POSTGRES") == "1";

    public static async Task<(PostgresServer? Server, string? Why)> TryStartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBin();
        if (bin is null) return (null, "PostgreSQL server binaries (initdb, pg_ctl) not found");
        if (!OperatingSystem.IsLinux()) return (null, "the PostgreSQL fixture runs on Linux only");

        var root = Path.Combine(Path.GetTempPath(), "aggregator-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var dataDir = Path.Combine(root, "data");
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            var (chown, chownOut) = await RunAsync("chown", ["-R", "postgres:postgres", root], false, cancellationToken).ConfigureAwait(false);
            if (chown != 0) return (null, "chown to postgres failed: " + chownOut);
        }

        var initdb = Path.Combine(bin, "initdb");
        var (code, output) = await RunAsync(initdb, ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], asPostgres, cancellationToken).ConfigureAwait(false);
        if (code != 0) return (null, "initdb failed: " + output);

        var port = FreePort.Next();
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var options = $"-p {port} -h 127.0.0.1 -k {root} -c fsync=off -c synchronous_commit=off -c max_connections=200";
        // Lets a test count the statements a poll makes (pg_stat_statements ships with the server in Debian's packages).
        if (File.Exists(Path.Combine(bin, "..", "lib", "pg_stat_statements.so"))) options += " -c shared_preload_libraries=pg_stat_statements";
        (code, output) = await RunAsync(pgCtl, ["-D", dataDir, "-o", options, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "start"], asPostgres, cancellationToken).ConfigureAwait(false);
        if (code != 0) return (null, "pg_ctl start failed: " + output);
        return (new PostgresServer(dataDir, pgCtl, port), null);
    }

    private static string? FindBin()
    {
        string[] candidates = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, bool asPostgres, CancellationToken cancellationToken)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser") : new ProcessStartInfo(file);
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file]) info.ArgumentList.Add(a);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync(_pgCtl, ["-D", _dataDir, "-m", "immediate", "stop"], Environment.UserName == "root", CancellationToken.None).ConfigureAwait(false);
        try
        {
            Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
