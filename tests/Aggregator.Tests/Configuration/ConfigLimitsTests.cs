using System.Text;
using Aggregator.Configuration;
using Microsoft.Extensions.Logging;

namespace Aggregator.Tests.Configuration;

/// <summary>
/// A config file can be hostile (a deep or alias-bomb YAML, a value that makes a check throw): loading it is an
/// error with its position and a bounded cost, never a crash, and a later good edit always takes effect.
/// </summary>
public sealed class ConfigLimitsTests
{
    private const string GoodFeeds = "feeds:\n  - id: world\n    url: https://feeds.example.org/world.xml\n    every: 5m\n";

    private static IReadOnlyList<string> Errors(TempConfigDirectory dir) =>
        [.. new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Diagnostics.Where(d => d.IsError).Select(d => d.ToString())];

    [Theory]
    [InlineData(100_000)]
    [InlineData(YamlLimits.MaxDepth + 1)]
    public void Yaml_nested_deeper_than_the_limit_is_refused_at_its_position(int depth)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", GoodFeeds);
        dir.Write("deep.yaml", "x: " + new string('[', depth) + new string(']', depth) + "\n");
        var block = new StringBuilder();
        for (var i = 0; i < depth && i < 5_000; i++) block.Append(' ', i * 2).Append("k:\n");
        dir.Write("indented.yaml", block.Append(' ', Math.Min(depth, 5_000) * 2).Append("v\n").ToString());

        var errors = Errors(dir);
        errors.ShouldContain(e => e.Contains("deep.yaml:1:", StringComparison.Ordinal) && e.EndsWith("error: refused: the YAML nested deeper than 64 levels", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("indented.yaml:", StringComparison.Ordinal) && e.EndsWith("nested deeper than 64 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_without_being_expanded()
    {
        using var dir = new TempConfigDirectory();
        var bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'j'; level++)
            bomb.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat("*" + (char)(level - 1), 9))}]\n");
        dir.Write("bomb.yaml", bomb.ToString());

        Errors(dir).ShouldHaveSingleItem().ShouldEndWith("error: refused: the YAML expands to more than 1,000,000 nodes (an alias counts as what it names)");
    }

    [Fact]
    public void Aliases_within_the_limit_still_work()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", "feeds:\n  - id: world\n    url: https://feeds.example.org/world.xml\n    tags: &news [news, world]\n  - id: europe\n    url: https://feeds.example.org/europe.xml\n    tags: *news\n");
        var config = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Config.ShouldNotBeNull();
        config.Feeds[1].Tags.ShouldBe(["news", "world"]);
    }

    [Fact]
    public void A_nul_in_a_feed_path_is_an_error_not_a_crash()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", "feeds:\n  - id: world\n    url: \"samples/wor\\0ld.xml\"\n");
        Errors(dir).ShouldHaveSingleItem().ShouldContain("feeds.yaml:3:10: error: feed file 'samples/wor\\u0000ld.xml' of feed 'world' holds a NUL character");
    }

    [Fact]
    public void A_check_that_throws_makes_the_file_invalid_and_a_reload_keeps_the_last_good_config()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", GoodFeeds);
        dir.Write("rules.yaml", "rules:\n  - id: r\n    query: troops\n    notify: []\n");
        var initial = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Config.ShouldNotBeNull();
        var throwing = new ConfigLoader(_ => null, _ => throw new InvalidOperationException("boom\nsecond line"));
        var logger = new ListLogger<ConfigWatcher>();
        using var watcher = new ConfigWatcher(dir.Path, initial, throwing, logger, TimeProvider.System);

        watcher.Reload().ShouldBeFalse();

        watcher.Current.ShouldBeSameAs(initial);
        logger.Entries.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("rules.yaml: error: could not be read: InvalidOperationException: 'boom\\nsecond line'", StringComparison.Ordinal), string.Join(" | ", logger.Entries.Select(e => e.Message)));
    }

    [Fact]
    public void After_a_hostile_file_a_good_edit_takes_effect()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", GoodFeeds);
        var loader = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery);
        var initial = loader.Load(dir.Path).Config.ShouldNotBeNull();
        using var watcher = new ConfigWatcher(dir.Path, initial, loader, new ListLogger<ConfigWatcher>(), TimeProvider.System);

        dir.Write("feeds.yaml", "x: " + new string('[', 50_000) + new string(']', 50_000));
        watcher.Reload().ShouldBeFalse();
        dir.Write("feeds.yaml", GoodFeeds.Replace("5m", "7m", StringComparison.Ordinal));
        watcher.Reload().ShouldBeTrue();

        watcher.Current.Feeds.ShouldHaveSingleItem().Every.ShouldBe(TimeSpan.FromMinutes(7));
    }
}
