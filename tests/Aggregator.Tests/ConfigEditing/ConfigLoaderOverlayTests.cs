using Aggregator.Configuration;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.ConfigEditing;

public sealed class ConfigLoaderOverlayTests
{
    private const string Rules = "rules:\n  - id: border\n    query: border\n    notify: [ops]\n";
    private const string Subscribers = "subscribers:\n  - id: ops\n    email: ops@example.org\n";

    private static ConfigLoadResult Load(string directory, Dictionary<string, string>? overlay = null) =>
        new ConfigLoader(_ => null).Load(directory, overlay);

    private static TempDirectory Directory()
    {
        var directory = new TempDirectory();
        directory.Write("rules.yaml", Rules);
        directory.Write("subscribers.yaml", Subscribers);
        return directory;
    }

    [Fact]
    public void An_overlaid_text_is_loaded_instead_of_the_file_and_the_file_is_left_alone()
    {
        using var directory = Directory();
        var edited = Rules.Replace("query: border", "query: frontier", StringComparison.Ordinal);

        var config = Load(directory.Path, new() { [directory.Combine("rules.yaml")] = edited }).Config.ShouldNotBeNull();

        config.Rules.ShouldHaveSingleItem().Query.ShouldBe("frontier");
        File.ReadAllText(directory.Combine("rules.yaml")).ShouldBe(Rules);
        Load(directory.Path).Config.ShouldNotBeNull().Rules.ShouldHaveSingleItem().Query.ShouldBe("border");
    }

    [Fact]
    public void Errors_in_an_overlaid_text_are_reported_as_for_the_same_file_on_disk()
    {
        using var directory = Directory();
        var broken = Rules.Replace("notify: [ops]", "notify: [nobody]\n    every: 5m", StringComparison.Ordinal);
        using var onDisk = Directory();
        onDisk.Write("rules.yaml", broken);

        var overlaid = Load(directory.Path, new() { [directory.Combine("rules.yaml")] = broken });
        var written = Load(onDisk.Path);

        overlaid.Config.ShouldBeNull();
        var lines = ConfigReport.Lines(overlaid.Diagnostics);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(line => line.StartsWith(directory.Combine("rules.yaml") + ":", StringComparison.Ordinal));
        lines.ShouldBe(ConfigReport.Lines(written.Diagnostics).Select(line => line.Replace(onDisk.Path, directory.Path, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_overlaid_path_not_on_disk_is_a_new_config_file_in_name_order()
    {
        using var directory = Directory();
        var feeds = "feeds:\n  - id: world\n    url: https://example.org/world.xml\n";
        var rules = Rules.Replace("    notify", "    feeds: [world]\n    notify", StringComparison.Ordinal);

        var config = Load(directory.Path, new()
        {
            [directory.Combine("feeds.yaml")] = feeds,
            [directory.Combine("rules.yaml")] = rules,
            [directory.Combine(".hidden.yaml")] = "not: [valid",
            [directory.Combine("notes.txt")] = "not: [valid",
            [Path.Combine(Path.GetTempPath(), "elsewhere.yaml")] = "not: [valid",
        }).Config.ShouldNotBeNull();

        config.Feeds.ShouldHaveSingleItem().Id.ShouldBe("world");
        config.FeedIdsOf(config.Rules.ShouldHaveSingleItem()).ShouldBe(["world"]);
        File.Exists(directory.Combine("feeds.yaml")).ShouldBeFalse();
    }

    [Fact]
    public void A_byte_order_mark_in_an_overlaid_text_is_read_as_the_file_reader_reads_it()
    {
        using var directory = Directory();

        var result = Load(directory.Path, new() { [directory.Combine("subscribers.yaml")] = "\uFEFF" + Subscribers.ReplaceLineEndings("\r\n") });

        result.Diagnostics.ShouldNotContain(d => d.IsError);
        result.Config.ShouldNotBeNull().Subscribers.ShouldHaveSingleItem().Id.ShouldBe("ops");
    }

    [Fact]
    public void An_overlay_path_may_be_written_another_way_than_the_directory()
    {
        using var directory = Directory();
        var sameFile = Path.Combine(directory.Path, "sub", "..", "rules.yaml");

        var config = Load(directory.Path + Path.DirectorySeparatorChar, new() { [sameFile] = Rules.Replace("query: border", "query: river", StringComparison.Ordinal) }).Config.ShouldNotBeNull();

        config.Rules.ShouldHaveSingleItem().Query.ShouldBe("river");
    }
}
