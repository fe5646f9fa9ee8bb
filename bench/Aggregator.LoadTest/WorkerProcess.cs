using System.Diagnostics;
using System.Globalization;

namespace Aggregator.LoadTest;

/// <summary>The real worker (<c>aggregator.dll run</c>) as a child process, its output in a log file, its CPU and memory read from /proc.</summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/[pid]/stat, 100 on Linux.</summary>
    private const double TicksPerSecond = 100;

    private readonly Process _process;
    private readonly StreamWriter _log;

    private WorkerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(string workerDll, string configDir, string workDir, string logPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { workerDll, "run", "--config", configDir }) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("the worker did not start");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process, log);
    }

    /// <summary>User plus system CPU seconds so far (fields 14 and 15 of /proc/[pid]/stat).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>A line of /proc/[pid]/status in MiB, e.g. VmHWM (peak RSS) or VmRSS.</summary>
    public double StatusMiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
        }
        return double.NaN;
    }

    /// <summary>SIGTERM for a graceful stop; killed if it has not stopped within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
