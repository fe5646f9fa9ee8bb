using System.Diagnostics;
using System.Text;
using Aggregator.Configuration;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.ConfigEditing;

/// <summary>A hand-written config directory, and the checks every edit of it must pass.</summary>
internal static class ConfigEditFixture
{
    public const string Feeds = """
        # yaml-language-server: $schema=./aggregator.schema.json
        feeds:
          # The world desk's wire.
          - id: world
            url: ${AGGREGATOR_WORLD_URL:-https://example.org/world.xml}
            tags: [news, world]
            every: 5m   # the wire updates often

          - id: markets-wire
            every: 15m
            url: 'https://example.org/markets.xml'
            tags:
              - news
              - markets
        """;

    public const string Rules = """
        # yaml-language-server: $schema=./aggregator.schema.json
        # Rules for the news desk.

        rules:
          # Border news goes to the desk at once.
          - id: troops-at-border
            notify: [desk]          # the desk reads these first
            query: 'troops AND border'
            feeds:
              - "tag:news"
              - world

          - {id: quiet, query: calm, notify: [desk]}

          # Markets, for the overnight digest.
          - id: markets
            query: "stocks OR bonds"   # double quoted on purpose
            feeds: ["tag:markets"]
            notify:
              - desk
              - night

        # Retired rules live in git history, not here.
        """;

    public const string Subscribers = """
        subscribers:
          - id: desk
            email: [desk@example.org]
            digest: immediate
          - id: night
            timezone: Europe/London
            email: ${AGGREGATOR_NIGHT_EMAIL:-night@example.org}
            digest: daily 07:00
            webhook:
              url: https://hooks.example.org/night
              secret: ${AGGREGATOR_NIGHT_SECRET:-whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}
        """;

    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n");

    /// <summary>The directory with <paramref name="fileName"/> replaced by <paramref name="text"/>, loaded by the real loader.</summary>
    public static ConfigLoadResult Load(string fileName, string text) => Load((fileName, text));

    public static ConfigLoadResult Load(params (string Name, string Text)[] replaced)
    {
        using var directory = new TempDirectory();
        var files = new Dictionary<string, string> { ["feeds.yaml"] = Feeds, ["rules.yaml"] = Rules, ["subscribers.yaml"] = Subscribers };
        foreach (var (name, text) in replaced) files[name] = text;
        foreach (var (name, content) in files) WriteExactly(directory.Combine(name), content);
        // Query syntax is not what these tests are about; the YAML and every other check is.
        return new ConfigLoader(_ => null, validateQuery: _ => { }).Load(directory.Path);
    }

    public static AggregatorConfig LoadValid(string fileName, string text) => LoadValid((fileName, text));

    public static AggregatorConfig LoadValid(params (string Name, string Text)[] replaced)
    {
        var result = Load(replaced);
        result.Diagnostics.Where(d => d.Severity == ConfigSeverity.Error).Select(d => d.ToString()).ShouldBeEmpty();
        return result.Config.ShouldNotBeNull();
    }

    /// <summary>The text as its characters' UTF-8 bytes: a byte order mark char is written as the mark.</summary>
    public static void WriteExactly(string path, string text) => File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    public static string ReadExactly(string path) => new UTF8Encoding(false).GetString(File.ReadAllBytes(path));

    /// <summary>Applies the patch with the real git to the before texts; returns every file's text afterwards.</summary>
    public static Dictionary<string, string> GitApply(IReadOnlyDictionary<string, string> before, string patch)
    {
        using var directory = new TempDirectory();
        foreach (var (name, content) in before)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(directory.Combine(name))!);
            WriteExactly(directory.Combine(name), content);
        }
        WriteExactly(directory.Combine("edit.patch"), patch);
        Git(directory.Path, "init", "-q");
        Git(directory.Path, "apply", "--check", "edit.patch");
        Git(directory.Path, "apply", "edit.patch");
        File.Delete(directory.Combine("edit.patch"));
        return Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(directory.Path, f).Replace('\\', '/'), ReadExactly);
    }

    private static void Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, $"git {string.Join(' ', arguments)}: {error}");
    }
}
