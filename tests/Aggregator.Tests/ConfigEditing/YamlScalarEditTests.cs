using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using YamlDotNet.RepresentationModel;
using static Aggregator.Tests.ConfigEditing.ConfigEditFixture;

namespace Aggregator.Tests.ConfigEditing;

public sealed class YamlScalarEditTests
{
    private static string Edited(YamlEditResult result)
    {
        result.Error.ShouldBeNull();
        return result.Text.ShouldNotBeNull();
    }

    [Fact]
    public void Setting_a_query_rewrites_only_its_characters()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "troops-at-border", "query", YamlValue.Scalar("troops AND (border OR frontier)")));

        text.ShouldBe(Rules.Replace("query: 'troops AND border'", "query: troops AND (border OR frontier)", StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "troops-at-border").Query.ShouldBe("troops AND (border OR frontier)");
    }

    [Fact]
    public void A_double_quoted_value_with_a_comment_beside_it_keeps_the_comment()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "markets", "query", YamlValue.Scalar("stocks")));

        text.ShouldBe(Rules.Replace("query: \"stocks OR bonds\"   # double quoted on purpose", "query: stocks   # double quoted on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public void An_environment_reference_elsewhere_is_kept_verbatim()
    {
        var text = Edited(new YamlFileEdit("feeds.yaml", Feeds).SetValue("feeds", "world", "every", YamlValue.Scalar("10m")));

        text.ShouldContain("url: ${AGGREGATOR_WORLD_URL:-https://example.org/world.xml}");
        text.ShouldBe(Feeds.Replace("every: 5m   #", "every: 10m   #", StringComparison.Ordinal));
        LoadValid("feeds.yaml", text).Feeds.Single(f => f.Id == "world").Every.ShouldBe(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void An_environment_reference_is_written_plain_in_a_block_and_quoted_in_a_flow_mapping()
    {
        var reference = "${AGGREGATOR_QUIET:-calm}";

        var block = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "markets", "query", YamlValue.Scalar(reference)));
        var flow = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "quiet", "query", YamlValue.Scalar(reference)));

        block.ShouldContain("    query: ${AGGREGATOR_QUIET:-calm}   # double quoted on purpose");
        flow.ShouldContain("  - {id: quiet, query: \"${AGGREGATOR_QUIET:-calm}\", notify: [desk]}");
        LoadValid("rules.yaml", flow).Rules.Single(r => r.Id == "quiet").Query.ShouldBe("calm");
    }

    [Theory]
    [InlineData("title: border", "\"title: border\"")]
    [InlineData("border #1", "\"border #1\"")]
    [InlineData("'quoted' AND more", "\"'quoted' AND more\"")]
    [InlineData("\"quoted\"", "\"\\\"quoted\\\"\"")]
    [InlineData("*star", "\"*star\"")]
    [InlineData("&anchor", "\"&anchor\"")]
    [InlineData("[a] OR b", "\"[a] OR b\"")]
    [InlineData("- dash", "\"- dash\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("ends with colon:", "\"ends with colon:\"")]
    [InlineData("back\\slash: x", "\"back\\\\slash: x\"")]
    [InlineData("a, b", "a, b")]
    [InlineData("border#1", "border#1")]
    public void A_value_that_would_read_differently_plain_is_double_quoted(string query, string written)
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "troops-at-border", "query", YamlValue.Scalar(query)));

        text.ShouldBe(Rules.Replace("query: 'troops AND border'", "query: " + written, StringComparison.Ordinal));
        QueryOf(text, "troops-at-border").ShouldBe(query);
    }

    [Fact]
    public void A_multi_line_query_is_one_double_quoted_line_that_loads_as_written()
    {
        const string query = "troops\nAND\tborder \"now\"";

        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "troops-at-border", "query", YamlValue.Scalar(query)));

        text.ShouldBe(Rules.Replace("query: 'troops AND border'", "query: \"troops\\nAND\\tborder \\\"now\\\"\"", StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "troops-at-border").Query.ShouldBe(query);
    }

    [Fact]
    public void A_very_long_query_stays_on_its_line()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, 400).Select(i => $"word{i}"));

        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "markets", "query", YamlValue.Scalar(query)));

        text.Split('\n').Length.ShouldBe(Rules.Split('\n').Length);
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "markets").Query.ShouldBe(query);
    }

    [Fact]
    public void A_block_scalar_is_replaced_up_to_its_last_line()
    {
        const string rules = """
            rules:
              - id: long
                query: |
                  troops
                  AND border
                # notify the desk
                notify: [desk]
            """;

        var text = Edited(new YamlFileEdit("rules.yaml", rules).SetValue("rules", "long", "query", YamlValue.Scalar("troops")));

        text.ShouldBe("""
            rules:
              - id: long
                query: troops
                # notify the desk
                notify: [desk]
            """);
    }

    [Fact]
    public void A_missing_key_is_added_after_the_entry_s_last_key_line_at_its_indentation()
    {
        var text = Edited(new YamlFileEdit("feeds.yaml", Feeds).SetValue("feeds", "world", "firstPoll", YamlValue.Scalar("notify")));

        text.ShouldBe(Feeds.Replace("every: 5m   # the wire updates often\n", "every: 5m   # the wire updates often\n    firstPoll: notify\n", StringComparison.Ordinal));
        LoadValid("feeds.yaml", text).Feeds.Single(f => f.Id == "world").FirstPoll.ShouldBe(FirstPoll.Notify);
    }

    [Fact]
    public void A_missing_key_of_a_flow_entry_is_added_before_its_closing_brace()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", "quiet", "feeds", YamlValue.List("world", "tag:news")));

        text.ShouldBe(Rules.Replace("notify: [desk]}", "notify: [desk], feeds: [world, \"tag:news\"]}", StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "quiet").Feeds.ShouldBe(["world", "tag:news"]);
    }

    [Fact]
    public void A_nested_key_is_set_in_place_and_a_missing_nested_mapping_is_added()
    {
        var changed = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).SetValue("subscribers", "night", "webhook.url", YamlValue.Scalar("https://hooks.example.org/n2")));
        var added = Edited(new YamlFileEdit("subscribers.yaml", Subscribers).SetValue("subscribers", "desk", "webhook.url", YamlValue.Scalar("https://hooks.example.org/desk")));
        var secret = Edited(new YamlFileEdit("subscribers.yaml", added).SetValue("subscribers", "desk", "webhook.secret", YamlValue.Scalar("${AGGREGATOR_DESK_SECRET:-whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}")));

        changed.ShouldBe(Subscribers.Replace("/night", "/n2", StringComparison.Ordinal));
        added.ShouldBe(Subscribers.Replace("digest: immediate\n", "digest: immediate\n    webhook:\n      url: https://hooks.example.org/desk\n", StringComparison.Ordinal));
        secret.ShouldBe(added.Replace("/desk\n", "/desk\n      secret: ${AGGREGATOR_DESK_SECRET:-whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}\n", StringComparison.Ordinal));
        LoadValid("subscribers.yaml", secret).Subscribers.Single(s => s.Id == "desk").Webhook.ShouldNotBeNull().Url.ShouldBe(new Uri("https://hooks.example.org/desk"));
    }

    [Fact]
    public void Removing_a_key_removes_its_lines_and_nothing_else()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).RemoveKey("rules", "troops-at-border", "feeds"));

        text.ShouldBe(Rules.Replace("    feeds:\n      - \"tag:news\"\n      - world\n", "", StringComparison.Ordinal));
        LoadValid("rules.yaml", text).Rules.Single(r => r.Id == "troops-at-border").Feeds.ShouldBeEmpty();
    }

    [Fact]
    public void Removing_a_key_of_a_flow_entry_removes_it_and_its_comma()
    {
        var text = Edited(new YamlFileEdit("rules.yaml", Rules).RemoveKey("rules", "quiet", "query"));

        text.ShouldContain("  - {id: quiet, notify: [desk]}\n");
        text.ShouldBe(Rules.Replace(", query: calm", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_on_the_dash_line_gives_its_place_to_the_next_key()
    {
        const string rules = "rules:\n  - query: a\n    id: first\n    notify: [desk]\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).RemoveKey("rules", "first", "query"));

        text.ShouldBe("rules:\n  - id: first\n    notify: [desk]\n");
    }

    [Fact]
    public void An_empty_value_gets_its_value_after_the_colon()
    {
        const string rules = "rules:\n  - id: blank\n    query:\n    notify: [desk]\n";

        var text = Edited(new YamlFileEdit("rules.yaml", rules).SetValue("rules", "blank", "query", YamlValue.Scalar("border")));

        text.ShouldBe("rules:\n  - id: blank\n    query: border\n    notify: [desk]\n");
    }

    [Fact]
    public void Edits_of_what_is_not_there_are_refused_with_the_reason()
    {
        var edit = new YamlFileEdit("rules.yaml", Rules);

        edit.SetValue("rules", "nope", "query", YamlValue.Scalar("x")).Error.ShouldBe("rule 'nope' is not in rules.yaml");
        edit.SetValue("feeds", "world", "every", YamlValue.Scalar("1m")).Error.ShouldBe("feed 'world' is not in rules.yaml");
        edit.SetValue("rules", "markets", "query: x\n  evil", YamlValue.Scalar("x")).Error.ShouldBe("'query: x\n  evil' is not a config key");
        edit.SetValue("rules", "markets", "webhook.", YamlValue.Scalar("x")).Error.ShouldBe("'webhook.' is not a config key");
        edit.RemoveKey("rules", "markets", "every").Error.ShouldBe("rule 'markets' has no key every");
        edit.RemoveKey("rules", "markets", "id").Error.ShouldBe("the id of rule 'markets' cannot be removed; remove the whole entry instead");
        new YamlFileEdit("rules.yaml", "rules: [").SetValue("rules", "a", "query", YamlValue.Scalar("x")).Error.ShouldNotBeNull().ShouldStartWith("rules.yaml is not valid YAML");
        new YamlFileEdit("subscribers.yaml", Subscribers).SetValue("subscribers", "night", "webhook", YamlValue.Scalar("x")).Error
            .ShouldBe("webhook of subscriber 'night' is a mapping; set its keys one by one");
    }

    [Fact]
    public void A_value_shared_through_an_anchor_is_left_to_the_operator()
    {
        const string rules = "rules:\n  - id: a\n    query: x\n    notify: &team [desk, night]\n  - id: b\n    query: y\n    notify: *team\n";
        var edit = new YamlFileEdit("rules.yaml", rules);

        edit.SetValue("rules", "a", "notify", YamlValue.List("desk")).Error.ShouldBe("notify of rule 'a' is shared through a YAML anchor; edit it by hand");
        edit.SetValue("rules", "b", "notify", YamlValue.List("desk")).Error.ShouldBe("notify of rule 'b' is shared through a YAML anchor; edit it by hand");
        Edited(edit.SetValue("rules", "b", "query", YamlValue.Scalar("z"))).ShouldBe(rules.Replace("query: y", "query: z", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_string_reads_back_as_written_in_a_block_and_in_a_flow_mapping_and_the_rest_of_the_file_is_kept()
    {
        const string alphabet = "ab -:#,[]{}'\"*&!|>%@`?~\\\t\n\r\u00e9\u2028\u0085\uFEFF$";
        var random = new Random(20261204);
        for (var i = 0; i < 300; i++)
        {
            var query = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            foreach (var id in new[] { "troops-at-border", "quiet" })
            {
                var text = Edited(new YamlFileEdit("rules.yaml", Rules).SetValue("rules", id, "query", YamlValue.Scalar(query)));

                QueryOf(text, id).ShouldBe(query, $"query {query} of {id} written as {text}");
                var line = id == "quiet" ? "  - {id: quiet, query: calm, notify: [desk]}" : "    query: 'troops AND border'";
                var at = Rules.IndexOf(line, StringComparison.Ordinal);
                text[..at].ShouldBe(Rules[..at]);
                text[^(Rules.Length - at - line.Length)..].ShouldBe(Rules[(at + line.Length)..]);
            }
        }
    }

    private static string QueryOf(string text, string id)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var rules = (YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["rules"];
        var rule = rules.Children.Cast<YamlMappingNode>().Single(r => ((YamlScalarNode)r["id"]).Value == id);
        return ((YamlScalarNode)rule["query"]).Value!;
    }
}
