using Aggregator.ConfigEditing;
using YamlDotNet.RepresentationModel;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

/// <summary>Files written on Windows: CRLF line endings, often a byte order mark, and a final line break.</summary>
public sealed class YamlLineEndingTests
{
    private const string Bom = "\uFEFF";

    private static string Edited(YamlEditResult result)
    {
        result.Error.ShouldBeNull();
        return result.Text.ShouldNotBeNull();
    }

    [Fact]
    public void YamlDotNet_counts_a_crlf_as_two_characters_of_the_text_it_was_given()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("a: 1\r\nb: two\r\n"));

        var value = ((YamlMappingNode)stream.Documents[0].RootNode)["b"];

        value.Start.Index.ShouldBe(9);
        value.End.Index.ShouldBe(12);
    }

    [Fact]
    public void A_value_in_a_crlf_file_with_a_byte_order_mark_is_replaced_in_place()
    {
        var before = Bom + Crlf(Rules) + "\r\n";

        var text = Edited(new YamlFileEdit("rules.yaml", before).SetValue("rules", "markets", "query", YamlValue.Scalar("gold")));

        text.ShouldBe(before.Replace("query: \"stocks OR bonds\"", "query: gold", StringComparison.Ordinal));
        text.ShouldStartWith(Bom);
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "markets").Query.ShouldBe("gold");
    }

    [Fact]
    public void Inserted_lines_use_crlf_in_a_crlf_file()
    {
        var before = Bom + Crlf(Feeds) + "\r\n";

        var text = Edited(new YamlFileEdit("feeds.yaml", before).SetValue("feeds", "world", "cron", YamlValue.Scalar("0 */5 * * * ?")));

        text.ShouldBe(before.Replace("every: 5m   # the wire updates often\r\n", "every: 5m   # the wire updates often\r\n    cron: 0 */5 * * * ?\r\n", StringComparison.Ordinal));
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
    }

    [Fact]
    public void A_block_list_in_a_crlf_file_is_rewritten_with_crlf()
    {
        var before = Crlf(Rules);

        var text = Edited(new YamlFileEdit("rules.yaml", before).SetValue("rules", "markets", "notify", YamlValue.List("night", "desk", "ops")));

        text.ShouldBe(before.Replace("      - desk\r\n      - night\r\n", "      - night\r\n      - desk\r\n      - ops\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_appended_to_a_crlf_file_keeps_its_final_line_break()
    {
        var before = Bom + Crlf(Subscribers) + "\r\n";

        var text = Edited(new YamlFileEdit("subscribers.yaml", before).AppendEntry("subscribers", [new("id", YamlValue.Scalar("ops")), new("email", YamlValue.List("ops@example.org"))]));

        text.ShouldBe(before + "  - id: ops\r\n    email: [ops@example.org]\r\n");
        LoadValid("subscribers.yaml", text).Subscribers.Select(s => s.Id).ShouldBe(["desk", "night", "ops"]);
    }

    [Fact]
    public void A_section_appended_to_a_crlf_file_with_only_a_byte_order_mark_and_comments_starts_on_a_line_of_its_own()
    {
        var before = Bom + "# rules go here\r\n# one day";

        var text = Edited(new YamlFileEdit("rules.yaml", before).AppendEntry("rules", [new("id", YamlValue.Scalar("a")), new("query", YamlValue.Scalar("x")), new("notify", YamlValue.List("desk"))]));

        text.ShouldBe(before + "\r\nrules:\r\n  - id: a\r\n    query: x\r\n    notify: [desk]");
    }

    [Fact]
    public void Removing_an_entry_or_a_key_in_a_crlf_file_removes_whole_crlf_lines()
    {
        var before = Bom + Crlf(Rules) + "\r\n";

        var withoutEntry = Edited(new YamlFileEdit("rules.yaml", before).RemoveEntry("rules", "troops-at-border"));
        var withoutKey = Edited(new YamlFileEdit("rules.yaml", before).RemoveKey("rules", "troops-at-border", "notify"));

        withoutEntry.ShouldBe(before.Replace(
            "  # Border news goes to the desk at once.\r\n  - id: troops-at-border\r\n    notify: [desk]          # the desk reads these first\r\n    query: 'troops AND border'\r\n    feeds:\r\n      - \"tag:news\"\r\n      - world\r\n\r\n",
            "",
            StringComparison.Ordinal));
        withoutKey.ShouldBe(before.Replace("    notify: [desk]          # the desk reads these first\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_the_last_entry_of_a_crlf_file_without_a_final_line_break_removes_the_break_before_it()
    {
        var before = Crlf(Subscribers);

        var text = Edited(new YamlFileEdit("subscribers.yaml", before).RemoveEntry("subscribers", "night"));

        text.ShouldBe("subscribers:\r\n  - id: desk\r\n    email: [desk@example.org]\r\n    digest: immediate");
    }
}
