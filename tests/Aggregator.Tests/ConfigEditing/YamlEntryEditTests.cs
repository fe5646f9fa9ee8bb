using Aggregator.ConfigEditing;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

public sealed class YamlEntryEditTests
{
    private static readonly YamlEntryKey[] Breaking =
    [
        new("id", YamlValue.Scalar("breaking")),
        new("query", YamlValue.Scalar("breaking: news")),
        new("feeds", YamlValue.List("tag:news")),
        new("notify", YamlValue.List("desk")),
    ];

    private static string Edited(YamlEditResult result)
    {
        result.Error.ShouldBeNull();
        return result.Text.ShouldNotBeNull();
    }

    [Fact]
    public void A_new_entry_goes_after_the_last_one_in_its_indentation_and_before_the_closing_comment()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).AppendEntry("rules", Breaking));

        text.ShouldBe(Rules.Replace(
            "      - night\n",
            "      - night\n  - id: breaking\n    query: \"breaking: news\"\n    feeds: [\"tag:news\"]\n    notify: [desk]\n",
            StringComparison.Ordinal));
        var rule = LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "breaking");
        rule.Query.ShouldBe("breaking: news");
        rule.Feeds.ShouldBe(["tag:news"]);
    }

    [Fact]
    public void A_new_entry_copies_an_indentless_list()
    {
        const string rules = "rules:\n- id: a\n  query: x\n  notify: [desk]\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).AppendEntry("rules", Breaking));

        text.ShouldBe(rules + "- id: breaking\n  query: \"breaking: news\"\n  feeds: [\"tag:news\"]\n  notify: [desk]\n");
    }

    [Fact]
    public void A_new_entry_of_an_empty_flow_list_turns_it_into_a_block_list()
    {
        const string rules = "# none yet\nrules: []   # add some\n\n# the end\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).AppendEntry("rules", Breaking));

        text.ShouldBe("# none yet\nrules:   # add some\n  - id: breaking\n    query: \"breaking: news\"\n    feeds: [\"tag:news\"]\n    notify: [desk]\n\n# the end\n");
        LoadValid("rules.yaml", text).Rules.ShouldHaveSingleItem().Id.ShouldBe("breaking");
    }

    [Fact]
    public void A_new_entry_of_a_flow_list_with_entries_is_a_flow_mapping()
    {
        const string rules = "rules: [{id: a, query: x, notify: [desk]}]\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).AppendEntry("rules", Breaking));

        text.ShouldBe("rules: [{id: a, query: x, notify: [desk]}, {id: breaking, query: \"breaking: news\", feeds: [\"tag:news\"], notify: [desk]}]\n");
        LoadValid("rules.yaml", text).Rules.Select(r => r.Id).ShouldBe(["a", "breaking"]);
    }

    [Fact]
    public void A_missing_section_is_added_at_the_end_in_the_style_of_the_file_s_other_sections()
    {
        const string settingsAndFeeds = "settings:\n  polling:\n    defaultEvery: 5m\nfeeds:\n    -   id: extra\n        url: https://example.org/x\n# end";

        var text = Edited(new YamlFileEdit("more.yaml", settingsAndFeeds).AppendEntry("rules", Breaking));

        text.ShouldBe(settingsAndFeeds + "\nrules:\n    -   id: breaking\n        query: \"breaking: news\"\n        feeds: [\"tag:news\"]\n        notify: [desk]");
    }

    [Fact]
    public void An_empty_file_gets_the_section_and_a_final_line_break()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", "").AppendEntry("rules", Breaking));

        text.ShouldBe("rules:\n  - id: breaking\n    query: \"breaking: news\"\n    feeds: [\"tag:news\"]\n    notify: [desk]\n");
    }

    [Fact]
    public void A_new_entry_after_an_entry_that_ends_the_file_without_a_line_break_keeps_it_without_one()
    {
        var text = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).AppendEntry("subscribers", [new("id", YamlValue.Scalar("ops")), new("email", YamlValue.Scalar("ops@example.org"))]));

        text.ShouldBe(Subscribers + "\n  - id: ops\n    email: ops@example.org");
        LoadValid("subscribers.yaml", text).Subscribers.Single(s => s.Id == "ops").Email.ShouldBe(["ops@example.org"]);
    }

    [Fact]
    public void A_new_entry_of_a_section_with_no_value_is_a_block_list_under_it()
    {
        const string rules = "rules:\nsettings:\n  polling:\n    defaultEvery: 5m\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).AppendEntry("rules", [new("id", YamlValue.Scalar("a")), new("query", YamlValue.Scalar("x")), new("notify", YamlValue.List("desk"))]));

        text.ShouldBe("rules:\n  - id: a\n    query: x\n    notify: [desk]\nsettings:\n  polling:\n    defaultEvery: 5m\n");
        LoadValid("rules.yaml", text).Rules.ShouldHaveSingleItem().Id.ShouldBe("a");
    }

    [Fact]
    public void Removing_the_only_entry_of_a_flow_list_leaves_it_empty()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", "rules: [{id: a, query: x}]   # later\n").RemoveEntry("rules", "a"));

        text.ShouldBe("rules: []   # later\n");
    }

    [Fact]
    public void An_entry_whose_id_is_taken_or_missing_is_refused()
    {
        var edit = new YamlFileEdit("rules.yaml", Rules);

        edit.AppendEntry("rules", [new("id", YamlValue.Scalar("markets"))]).Error.ShouldBe("rule 'markets' is already in rules.yaml");
        edit.AppendEntry("rules", [new("query", YamlValue.Scalar("x"))]).Error.ShouldBe("a new entry starts with its id");
        edit.AppendEntry("rules", [new("id", YamlValue.Scalar("x")), new("query", YamlValue.Scalar("a")), new("query", YamlValue.Scalar("b"))]).Error.ShouldBe("the new entry has key query twice");
        edit.AppendEntry("rules", [new("id", YamlValue.Scalar("x")), new("# no", YamlValue.Scalar("b"))]).Error.ShouldBe("'# no' is not a config key");
        edit.AppendEntry("settings", Breaking).Error.ShouldBe("'settings' is not a section of entries (feeds, rules or subscribers)");
        new YamlFileEdit("x.yaml", "rules: oops\n").AppendEntry("rules", Breaking).Error.ShouldBe("rules in x.yaml is not a list");
    }

    [Fact]
    public void Removing_an_entry_removes_its_lines_the_comments_directly_above_it_and_one_run_of_blank_lines()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).RemoveEntry("rules", "markets"));

        text.ShouldBe(Rules.Replace(
            "\n  # Markets, for the overnight digest.\n  - id: markets\n    query: \"stocks OR bonds\"   # double quoted on purpose\n    feeds: [\"tag:markets\"]\n    notify:\n      - desk\n      - night\n",
            "",
            StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Select(r => r.Id).ShouldBe(["troops-at-border", "quiet"]);
    }

    [Fact]
    public void Removing_a_flow_entry_removes_its_line_and_leaves_one_blank_line_between_its_neighbours()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).RemoveEntry("rules", "quiet"));

        text.ShouldBe(Rules.Replace("  - {id: quiet, query: calm, notify: [desk]}\n\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_the_last_entry_of_a_file_without_a_final_line_break_keeps_it_without_one()
    {
        var text = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).RemoveEntry("subscribers", "night"));

        text.ShouldBe("subscribers:\n  - id: desk\n    email: [desk@example.org]\n    digest: immediate");
    }

    [Fact]
    public void Removing_the_only_entry_leaves_an_empty_list()
    {
        const string rules = "# the desk's rules\nrules:   # one for now\n  # the only one\n  - id: only\n    query: x\n    notify: [desk]\n\n# end\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).RemoveEntry("rules", "only"));

        text.ShouldBe("# the desk's rules\nrules: []   # one for now\n\n# end\n");
        LoadValid("rules.yaml", text).Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Removing_an_entry_that_is_not_there_is_refused()
    {
        new YamlFileEdit("rules.yaml", Rules).RemoveEntry("rules", "gone").Error.ShouldBe("rule 'gone' is not in rules.yaml");
        new YamlFileEdit("feeds.yaml", Feeds).RemoveEntry("rules", "world").Error.ShouldBe("rule 'world' is not in feeds.yaml");
    }
}
