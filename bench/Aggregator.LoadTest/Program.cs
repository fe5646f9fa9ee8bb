using System.Globalization;
using Aggregator.LoadTest;

// Load harness: a loopback feed server, a generated config, the real worker as a child process, figures at the end.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 2;
}

var worker = options.Worker ?? WorkerLocator.Find();
if (!File.Exists(worker))
{
    await Console.Error.WriteLineAsync($"error: worker not found at {worker}; build it with `dotnet build -c Release src/Aggregator` or pass --worker");
    return 2;
}

var workDir = Directory.CreateTempSubdirectory("aggregator-load-").FullName;
var database = Path.Combine(workDir, "data", "aggregator.db");
Directory.CreateDirectory(Path.GetDirectoryName(database)!);
using var stop = new CancellationTokenSource(options.Duration + TimeSpan.FromMinutes(5));
var clock = new RunClock();
var catalog = new FeedCatalog(options);
var log = new RequestLog(options.Feeds);
var latency = new LatencyPlan(options);
await using var server = new LoadServer(catalog, latency, new FeedHosts(options.Hosts), clock, log);
await server.StartAsync(stop.Token);

Console.WriteLine($"work dir {workDir}; server on 127.0.0.1:{server.Port} ({options.Hosts} feed hosts, latency {options.Latency}); worker {worker}");
var seeding = clock.Now;
await SeenSeeder.SeedAsync(database, options.Feeds, options.SeedSeen, stop.Token);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schema created, {options.SeedSeen} seen keys seeded in {clock.Now - seeding:F1}s"));
int? consolePort = options.Console ? ConsoleProbe.FreePort() : null;
ConfigWriter.Write(Path.Combine(workDir, "config"), database, options, server, consolePort);

var samples = new List<Sample>();
using var probe = consolePort is { } port ? new ConsoleProbe(port, options.Feeds) : null;
var end = 0.0;
var peak = double.NaN;
using (var process = WorkerProcess.Start(worker, Path.Combine(workDir, "config"), workDir, Path.Combine(workDir, "worker.log")))
{
    var started = clock.Now;
    var lastPrint = started;
    var probing = probe?.RunAsync(options.Interval, stop.Token);
    while (clock.Now - started < options.Duration.TotalSeconds && !process.HasExited)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        try
        {
            samples.Add(new Sample(clock.Now, process.CpuSeconds(), process.StatusMiB("VmRSS"), Machine.Load1()));
            peak = process.StatusMiB("VmHWM");
        }
        catch (IOException)
        {
            break; // the worker exited between the check and the read
        }
        if (clock.Now - lastPrint >= 30)
        {
            lastPrint = clock.Now;
            var s = samples[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.At - started,5:F0}s polls {log.Full + log.NotModified} alerts {log.Alerts.Count} cpu {s.Cpu:F1}s rss {s.RssMiB:F0} MiB load {s.Load1:F2}"));
        }
    }
    end = clock.Now;
    probe?.Stop();
    if (probing is not null) await probing;
    if (process.HasExited) await Console.Error.WriteLineAsync($"the worker exited early; see {Path.Combine(workDir, "worker.log")}");
    await process.StopAsync(TimeSpan.FromSeconds(20));
}
await stop.CancelAsync();

Console.WriteLine(new LoadReport(options, catalog, latency, log, samples, end, peak).Render());
if (probe is not null) Console.WriteLine(probe.Render());
if (!options.Keep) Directory.Delete(workDir, recursive: true);
return 0;
