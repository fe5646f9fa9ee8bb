using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// Under systemd, <c>AddSystemd()</c> sets the console's formatter to its own; an operator who asked for
/// <c>logFormat: json</c> (journald forwarding JSON to a log shipper) must still get JSON. .NET decides it runs under
/// systemd when its parent process is named <c>systemd</c>, so the worker is started here by a shell of that name,
/// with the variables systemd sets for a service.
/// </summary>
public sealed class SystemdLogFormatTests
{
    [Fact]
    public async Task Json_lines_survive_systemd()
    {
        var lines = await StartedUnderSystemdAsync("json", TestContext.Current.CancellationToken);

        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty(line);
        }
        lines.ShouldContain(l => l.Contains("Aggregator started", StringComparison.Ordinal));
    }

    /// <summary>Shows that the parent's name is what makes the worker see systemd: text lines then carry a syslog priority.</summary>
    [Fact]
    public async Task Text_lines_under_systemd_carry_a_priority_instead_of_a_time()
    {
        var lines = await StartedUnderSystemdAsync("text", TestContext.Current.CancellationToken);

        lines.ShouldContain(l => l.StartsWith("<6>Aggregator.Hosting.StartupService[", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> StartedUnderSystemdAsync(string logFormat, CancellationToken ct)
    {
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $"""
            settings:
              telemetry:
                logFormat: {logFormat}
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
            feeds:
              - id: world
                url: http://127.0.0.1:{FreePort.Next()}/world.xml
                every: 1h
            """);
        var systemd = work.Combine("systemd");
        File.CreateSymbolicLink(systemd, "/bin/sh");
        var info = new ProcessStartInfo(systemd)
        {
            WorkingDirectory = work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Not the last command of the script: the shell forks the worker instead of becoming it, and stays its parent.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("dotnet \"$@\"; exit $?");
        info.ArgumentList.Add("systemd");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aggregator.dll"));
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add("config");
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["AGGREGATOR_CONSOLE_LISTEN"] = "127.0.0.1:0";
        info.Environment["INVOCATION_ID"] = Guid.NewGuid().ToString("N");
        info.Environment["JOURNAL_STREAM"] = "8:12345";

        var stdout = new StringBuilder();
        var gate = new Lock();
        using var process = Process.Start(info).ShouldNotBeNull();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            string Output() { lock (gate) return stdout.ToString(); }
            (await Eventually.TrueAsync(() => Output().Contains("Aggregator started", StringComparison.Ordinal), TimeSpan.FromSeconds(60), ct))
                .ShouldBeTrue(Output());
            return [.. Output().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }
}
