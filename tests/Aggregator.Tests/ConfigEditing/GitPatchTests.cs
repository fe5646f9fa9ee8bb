using Aggregator.ConfigEditing;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

public sealed class GitPatchTests
{
    private static string Edited(YamlEditResult result)
    {
        result.Error.ShouldBeNull();
        return result.Text.ShouldNotBeNull();
    }

    [Fact]
    public void A_one_value_edit_is_one_hunk_with_three_lines_of_context()
    {
        var after = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "markets", "query", YamlValue.Scalar("gold")));

        var patch = GitPatch.Create(new ConfigFileChange("rules.yaml", Rules, after));

        patch.ShouldBe(
            "diff --git a/rules.yaml b/rules.yaml\n--- a/rules.yaml\n+++ b/rules.yaml\n@@ -14,7 +14,7 @@\n \n"
            + "   # Markets, for the overnight digest.\n   - id: markets\n"
            + "-    query: \"stocks OR bonds\"   # double quoted on purpose\n"
            + "+    query: gold   # double quoted on purpose\n"
            + "     feeds: [\"tag:markets\"]\n     notify:\n       - desk\n");
        GitApply(new Dictionary<string, string> { ["rules.yaml"] = Rules }, patch)["rules.yaml"].ShouldBe(after);
    }

    [Fact]
    public void Edits_far_apart_are_separate_hunks_and_git_applies_them()
    {
        var before = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"line{i}")) + "\n";
        var after = before.Replace("line3\n", "line3 changed\n", StringComparison.Ordinal).Replace("line30\n", "", StringComparison.Ordinal);

        var patch = GitPatch.Create(new ConfigFileChange("notes.yaml", before, after));

        patch.Split('\n').Count(line => line.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(2);
        patch.ShouldContain("@@ -1,6 +1,6 @@\n");
        patch.ShouldContain("@@ -27,7 +27,6 @@\n");
        GitApply(new Dictionary<string, string> { ["notes.yaml"] = before }, patch)["notes.yaml"].ShouldBe(after);
    }

    [Fact]
    public void A_file_without_a_final_line_break_is_marked_and_applies()
    {
        var after = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).SetValue("subscribers", "night", "digest", YamlValue.Scalar("daily 06:00")));
        after = Edited(new YamlFileEdit("subscribers.yaml", after).SetValue("subscribers", "night", "webhook.secret", YamlValue.Scalar("${AGGREGATOR_NEW_SECRET}")));

        var patch = GitPatch.Create(new ConfigFileChange("subscribers.yaml", Subscribers, after));

        patch.ShouldContain("-      secret: ${AGGREGATOR_NIGHT_SECRET:-whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}\n\\ No newline at end of file\n+      secret: ${AGGREGATOR_NEW_SECRET}\n\\ No newline at end of file\n");
        GitApply(new Dictionary<string, string> { ["subscribers.yaml"] = Subscribers }, patch)["subscribers.yaml"].ShouldBe(after);
    }

    [Fact]
    public void Adding_a_final_line_break_is_a_change_of_the_last_line()
    {
        var patch = GitPatch.Create(new ConfigFileChange("a.yaml", "rules: []", "rules: []\n"));

        patch.ShouldEndWith("@@ -1 +1 @@\n-rules: []\n\\ No newline at end of file\n+rules: []\n");
        GitApply(new Dictionary<string, string> { ["a.yaml"] = "rules: []" }, patch)["a.yaml"].ShouldBe("rules: []\n");
    }

    [Fact]
    public void A_crlf_file_with_a_byte_order_mark_applies_byte_for_byte()
    {
        var before = "\uFEFF" + Crlf(Rules) + "\r\n";
        var after = Edited(new YamlFileEdit("rules.yaml", before).RemoveEntry("rules", "quiet"));
        after = Edited(new YamlFileEdit("rules.yaml", after).SetValue("rules", "troops-at-border", "query", YamlValue.Scalar("troops")));

        var patch = GitPatch.Create(new ConfigFileChange("rules.yaml", before, after));

        patch.ShouldContain("-  - {id: quiet, query: calm, notify: [desk]}\r\n");
        GitApply(new Dictionary<string, string> { ["rules.yaml"] = before }, patch)["rules.yaml"].ShouldBe(after);
    }

    [Fact]
    public void A_new_file_and_an_edited_one_in_a_subdirectory_are_one_patch()
    {
        var rules = "rules:\n  - id: a\n    query: x\n    notify: [desk]\n";
        var edited = Edited(new YamlFileEdit("team/rules.yaml", rules).AppendEntry("rules", [new("id", YamlValue.Scalar("b")), new("query", YamlValue.Scalar("y"))]));

        var patch = GitPatch.Create(
            new ConfigFileChange("new.yaml", null, "feeds: []\n"),
            new ConfigFileChange("team\\rules.yaml", rules, edited),
            new ConfigFileChange("unchanged.yaml", "x: 1\n", "x: 1\n"));

        patch.ShouldStartWith("diff --git a/new.yaml b/new.yaml\nnew file mode 100644\n--- /dev/null\n+++ b/new.yaml\n@@ -0,0 +1 @@\n+feeds: []\n");
        patch.ShouldContain("diff --git a/team/rules.yaml b/team/rules.yaml\n--- a/team/rules.yaml\n+++ b/team/rules.yaml\n");
        patch.ShouldNotContain("unchanged.yaml");
        var files = GitApply(new Dictionary<string, string> { ["team/rules.yaml"] = rules, ["unchanged.yaml"] = "x: 1\n" }, patch);
        files["new.yaml"].ShouldBe("feeds: []\n");
        files["team/rules.yaml"].ShouldBe(edited);
        files["unchanged.yaml"].ShouldBe("x: 1\n");
    }

    [Fact]
    public void No_change_is_an_empty_patch()
    {
        GitPatch.Create(new ConfigFileChange("rules.yaml", Rules, Rules)).ShouldBeEmpty();
    }
}
