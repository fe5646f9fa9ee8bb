using System.Globalization;
using System.Text;

namespace Aggregator.LoadTest;

/// <summary>Writes the worker's config directory: settings, N feeds, M rules and one webhook subscriber on loopback.</summary>
internal static class ConfigWriter
{
    public static void Write(string configDir, string databasePath, LoadOptions options, LoadServer server, int? consolePort)
    {
        Directory.CreateDirectory(configDir);
        var every = Seconds(options.Interval);
        File.WriteAllText(Path.Combine(configDir, "settings.yaml"), $"""
            settings:
              storage:
                provider: sqlite
                connectionString: "Data Source={databasePath}"
              polling:
                defaultEvery: {every}
                minEvery: {every}
                timeout: 30s
                perHostConcurrency: {options.PerHostConcurrency.ToString(CultureInfo.InvariantCulture)}{Concurrency(options.Concurrency)}
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              alerts:
                maxItemAge: 7d
                storyWindow: {(options.NoStories ? "off" : "48h")}
              delivery:
                retryInitial: 5s
                retryMax: 1m
                maxAge: 1h
            {ConsoleSettings(consolePort, options.NoArchive)}
            """);

        var feeds = new StringBuilder("feeds:\n");
        for (var f = 0; f < options.Feeds; f++)
            feeds.Append(CultureInfo.InvariantCulture, $"  - id: f{f}\n    url: {server.FeedUrl(f)}\n    every: {every}\n");
        File.WriteAllText(Path.Combine(configDir, "feeds.yaml"), feeds.ToString());

        var rules = new StringBuilder("rules:\n");
        for (var r = 0; r < options.Rules; r++)
            rules.Append(CultureInfo.InvariantCulture, $"  - id: r{r}\n    query: kw{r} AND (border OR frontier)\n    notify: [hook]\n");
        File.WriteAllText(Path.Combine(configDir, "rules.yaml"), rules.ToString());

        // A fixed test key: the receiver does not verify signatures, the worker still computes them.
        File.WriteAllText(Path.Combine(configDir, "subscribers.yaml"), $"""
            subscribers:
              - id: hook
                webhook:
                  url: {server.HookUrl}
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                digest: immediate

            """);
    }

    /// <summary>Workers that predate <c>polling.concurrency</c> reject the key, so it is written only when asked for.</summary>
    private static string Concurrency(int? concurrency) =>
        concurrency is { } n ? string.Create(CultureInfo.InvariantCulture, $"\n    concurrency: {n}") : string.Empty;

    /// <summary>The console on loopback without sign-in, and the archive off, as asked; nothing when neither is.</summary>
    private static string ConsoleSettings(int? port, bool noArchive)
    {
        if (port is null && !noArchive) return string.Empty;
        var console = new StringBuilder("  console:\n");
        if (port is { } p) console.Append(CultureInfo.InvariantCulture, $"    listen: \"127.0.0.1:{p}\"\n    auth: {{ mode: none }}\n");
        if (noArchive) console.Append("    archive: { keep: 0 }\n");
        return console.ToString();
    }

    private static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)t.TotalSeconds)}s");
}
