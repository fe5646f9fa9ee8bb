using Aggregator.ConfigEditing;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

public sealed class YamlListEditTests
{
    private static string Edited(YamlEditResult result)
    {
        result.Error.ShouldBeNull();
        return result.Text.ShouldNotBeNull();
    }

    [Fact]
    public void A_flow_list_stays_a_flow_list_and_keeps_the_comment_beside_it()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "troops-at-border", "notify", YamlValue.List("desk", "night")));

        text.ShouldBe(Rules.Replace("notify: [desk]          #", "notify: [desk, night]          #", StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "troops-at-border").Notify.ShouldBe(["desk", "night"]);
    }

    [Fact]
    public void A_block_list_stays_a_block_list_at_the_same_column()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "troops-at-border", "feeds", YamlValue.List("world", "tag:news", "markets-wire")));

        text.ShouldBe(Rules.Replace(
            "    feeds:\n      - \"tag:news\"\n      - world\n",
            "    feeds:\n      - world\n      - tag:news\n      - markets-wire\n",
            StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "troops-at-border").Feeds.ShouldBe(["world", "tag:news", "markets-wire"]);
    }

    [Fact]
    public void A_multi_line_flow_list_is_replaced_up_to_its_closing_bracket()
    {
        const string feeds = "feeds:\n  - id: a\n    url: https://example.org/a\n    tags: [news,   # the desk\n           world]\n    every: 5m\n";

        var text = Edited(new YamlFileEdit("feeds.yaml", feeds).SetValue("feeds", "a", "tags", YamlValue.List("sport")));

        text.ShouldBe("feeds:\n  - id: a\n    url: https://example.org/a\n    tags: [sport]\n    every: 5m\n");
    }

    [Fact]
    public void Items_that_need_quotes_in_a_flow_list_get_them()
    {
        var text = Edited(new YamlFileEdit("feeds.yaml", Feeds).SetValue("feeds", "world", "tags", YamlValue.List("a,b", "[x]", "ok", "null")));

        text.ShouldContain("    tags: [\"a,b\", \"[x]\", ok, \"null\"]\n");
        // The loader reads the items back as written, and so names exactly these two as invalid tags.
        Load("feeds.yaml", text).Diagnostics.Select(d => d.Message).ShouldBe(["invalid tag 'a,b' in feed 'world': use lowercase letters, digits, '-' and '_'", "invalid tag '[x]' in feed 'world': use lowercase letters, digits, '-' and '_'"]);
    }

    [Fact]
    public void An_empty_list_in_place_of_a_block_list_is_written_on_the_key_s_line()
    {
        var text = Edited(new YamlFileEdit("feeds.yaml", Feeds).SetValue("feeds", "markets-wire", "tags", YamlValue.List()));

        text.ShouldBe(Feeds.Replace("    tags:\n      - news\n      - markets", "    tags: []", StringComparison.Ordinal));
        LoadValid(("feeds.yaml", text), ("rules.yaml", Rules.Replace("tag:markets", "markets-wire", StringComparison.Ordinal))).Feeds.Single(f => f.Id == "markets-wire").Tags.ShouldBeEmpty();
    }

    [Fact]
    public void A_single_address_becomes_a_flow_list_in_its_place()
    {
        var text = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).SetValue("subscribers", "night", "email", YamlValue.List("night@example.org", "${AGGREGATOR_EXTRA:-extra@example.org}")));

        text.ShouldBe(Subscribers.Replace("email: ${AGGREGATOR_NIGHT_EMAIL:-night@example.org}", "email: [night@example.org, \"${AGGREGATOR_EXTRA:-extra@example.org}\"]", StringComparison.Ordinal));
        LoadValid("subscribers.yaml", text).Subscribers.Single(s => s.Id == "night").Email.ShouldBe(["night@example.org", "extra@example.org"]);
    }

    [Fact]
    public void A_missing_list_is_added_as_a_flow_list()
    {
        const string rules = "rules:\n  - id: a\n    query: x   # note\n\n  - id: b\n    query: y\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).SetValue("rules", "a", "notify", YamlValue.List("desk", "night")));

        text.ShouldBe("rules:\n  - id: a\n    query: x   # note\n    notify: [desk, night]\n\n  - id: b\n    query: y\n");
    }

    [Fact]
    public void A_key_added_to_the_last_entry_of_a_file_without_a_final_line_break_keeps_it_without_one()
    {
        var text = Edited(new YamlFileEdit("feeds.yaml", Feeds).SetValue("feeds", "markets-wire", "firstPoll", YamlValue.Scalar("notify")));

        Feeds.ShouldNotEndWith("\n");
        text.ShouldBe(Feeds + "\n    firstPoll: notify");
        LoadValid("feeds.yaml", text).Feeds.Single(f => f.Id == "markets-wire").FirstPoll.ShouldBe(Aggregator.Configuration.FirstPoll.Notify);
    }
}
