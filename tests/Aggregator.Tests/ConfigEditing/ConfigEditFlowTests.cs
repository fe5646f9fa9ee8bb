using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Tests.Support;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

/// <summary>The console's path for an edit: edit the text, check it with the loader in memory, show the patch, apply it.</summary>
public sealed class ConfigEditFlowTests
{
    [Fact]
    public void An_edit_checked_in_memory_and_applied_as_a_patch_loads_as_checked()
    {
        using var directory = new TempDirectory();
        var before = new Dictionary<string, string> { ["feeds.yaml"] = Feeds, ["rules.yaml"] = "\uFEFF" + Crlf(Rules) + "\r\n", ["subscribers.yaml"] = Subscribers };
        foreach (var (name, text) in before) WriteExactly(directory.Combine(name), text);
        var loader = new ConfigLoader(_ => null, validateQuery: _ => { });

        var rules = new YamlFileEdit("rules.yaml", ReadExactly(directory.Combine("rules.yaml"))).AppendEntry("rules",
        [
            new("id", YamlValue.Scalar("breaking")),
            new("query", YamlValue.Scalar("#breaking AND \"live\"")),
            new("feeds", YamlValue.List("tag:news")),
            new("notify", YamlValue.List("desk", "night")),
        ]).Text.ShouldNotBeNull();
        var checkedConfig = loader.Load(directory.Path, new Dictionary<string, string> { [directory.Combine("rules.yaml")] = rules }).Config.ShouldNotBeNull();
        var patch = GitPatch.Create(new ConfigFileChange("rules.yaml", before["rules.yaml"], rules));
        var applied = GitApply(before, patch);

        applied["rules.yaml"].ShouldBe(rules);
        applied["feeds.yaml"].ShouldBe(Feeds);
        WriteExactly(directory.Combine("rules.yaml"), applied["rules.yaml"]);
        var loaded = loader.Load(directory.Path).Config.ShouldNotBeNull();
        Summary(loaded).ShouldBe(Summary(checkedConfig));
        Summary(loaded).ShouldContain("breaking|#breaking AND \"live\"|tag:news|desk,night");
    }

    private static IEnumerable<string> Summary(AggregatorConfig config) =>
        config.Rules.Select(r => $"{r.Id}|{r.Query}|{string.Join(',', r.Feeds)}|{string.Join(',', r.Notify)}");
}
