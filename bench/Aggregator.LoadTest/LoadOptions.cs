using System.Globalization;

namespace Aggregator.LoadTest;

/// <summary>One load run: how many feeds and rules, how often they are polled, how long, and how busy the feeds are.</summary>
internal sealed record LoadOptions
{
    public int Feeds { get; init; } = 1_000;
    public int Rules { get; init; } = 1_000;
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Share of feeds that publish new items in each interval.</summary>
    public double ChangeShare { get; init; } = 0.1;

    /// <summary>Share of new items that match exactly one rule.</summary>
    public double MatchShare { get; init; } = 0.2;

    public int ItemsPerFeed { get; init; } = 10;
    public int NewItemsPerChange { get; init; } = 1;

    /// <summary>Seen keys inserted into the store before the worker starts (old keys no feed still carries).</summary>
    public int SeedSeen { get; init; }

    /// <summary>Requests this close to their expected time count as on time.</summary>
    public TimeSpan OnTimeTolerance { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>settings.polling.perHostConcurrency</c>: requests in flight to one host (see <see cref="Hosts"/>).</summary>
    public int PerHostConcurrency { get; init; } = 16;

    /// <summary><c>settings.polling.concurrency</c>, written only when given: workers that predate the key reject it.</summary>
    public int? Concurrency { get; init; }

    public LatencyMode Latency { get; init; } = LatencyMode.None;

    /// <summary>Seed of the per-feed latency draw.</summary>
    public int LatencySeed { get; init; } = 1;

    /// <summary>Share of feeds that send headers at once and trickle the body; by default 0.02 with realistic latency, else 0.</summary>
    public double? SlowBodies { get; init; }

    /// <summary>Hosts the feeds are spread over; by default 2000 with realistic latency, else 1 (127.0.0.1).</summary>
    public int? HostCount { get; init; }

    public double SlowBodyShare => SlowBodies ?? (Latency == LatencyMode.Realistic ? 0.02 : 0);

    public int Hosts => HostCount ?? (Latency == LatencyMode.Realistic ? 2000 : 1);

    /// <summary>The worker's <c>aggregator.dll</c>; found from the checkout when not given.</summary>
    public string? Worker { get; init; }

    /// <summary>Keeps the temp directory (config, store, worker log) after the run.</summary>
    public bool Keep { get; init; }

    /// <summary>Turns the operator console on (loopback, no sign-in) and times its pages while the worker polls.</summary>
    public bool Console { get; init; }

    /// <summary>Turns the item archive off (<c>settings.console.archive.keep: 0</c>), to tell its cost from the console's.</summary>
    public bool NoArchive { get; init; }

    /// <summary>Turns story grouping off (<c>settings.alerts.storyWindow: off</c>), to measure what grouping costs.</summary>
    public bool NoStories { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                o = o with { Keep = true };
                continue;
            }
            if (name == "--console")
            {
                o = o with { Console = true };
                continue;
            }
            if (name == "--no-archive")
            {
                o = o with { NoArchive = true };
                continue;
            }
            if (name == "--no-stories")
            {
                o = o with { NoStories = true };
                continue;
            }
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value");
            var v = args[++i];
            o = name switch
            {
                "--feeds" => o with { Feeds = Int(v, name) },
                "--rules" => o with { Rules = Int(v, name) },
                "--interval" => o with { Interval = Span(v, name) },
                "--duration" => o with { Duration = Span(v, name) },
                "--change-share" => o with { ChangeShare = Share(v, name) },
                "--match-share" => o with { MatchShare = Share(v, name) },
                "--items" => o with { ItemsPerFeed = Int(v, name) },
                "--new-items" => o with { NewItemsPerChange = Int(v, name) },
                "--seed-seen" => o with { SeedSeen = Int(v, name) },
                "--tolerance" => o with { OnTimeTolerance = Span(v, name) },
                "--per-host" => o with { PerHostConcurrency = Int(v, name) },
                "--concurrency" => o with { Concurrency = Int(v, name) },
                "--latency" => o with { Latency = Mode(v, name) },
                "--latency-seed" => o with { LatencySeed = Int(v, name) },
                "--slow-bodies" => o with { SlowBodies = Share(v, name) },
                "--hosts" => o with { HostCount = Int(v, name) },
                "--worker" => o with { Worker = v },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (o.Feeds < 1 || o.Rules < 1 || o.ItemsPerFeed < 1) throw new ArgumentException("--feeds, --rules and --items must be at least 1");
        if (o.Hosts is < 1 or > FeedHosts.Max) throw new ArgumentException($"--hosts must be between 1 and {FeedHosts.Max}");
        if (o.Concurrency is < 1 || o.PerHostConcurrency < 1) throw new ArgumentException("--concurrency and --per-host must be at least 1");
        if (o.Duration > TimeSpan.FromMinutes(30)) throw new ArgumentException("--duration is capped at 30m");
        return o;
    }

    private static int Int(string v, string name) =>
        int.TryParse(v.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : throw new ArgumentException($"{name}: '{v}' is not a whole number");

    private static LatencyMode Mode(string v, string name) => v switch
    {
        "none" => LatencyMode.None,
        "realistic" => LatencyMode.Realistic,
        _ => throw new ArgumentException($"{name}: '{v}' is not none or realistic"),
    };

    private static double Share(string v, string name) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1
            ? d : throw new ArgumentException($"{name}: '{v}' is not a share between 0 and 1");

    private static TimeSpan Span(string v, string name)
    {
        var unit = v[^1];
        var factor = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (factor == 0 || !double.TryParse(v[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new ArgumentException($"{name}: '{v}' is not a duration such as 60s or 5m");
        return TimeSpan.FromSeconds(n * factor);
    }
}
