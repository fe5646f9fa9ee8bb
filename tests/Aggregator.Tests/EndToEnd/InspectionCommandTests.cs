using System.Text.Json;
using Aggregator.Tests.Configuration;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary><c>parse</c>, <c>test-rule</c> and <c>schema</c> as an operator runs them: outputs, JSON shapes and exit codes.</summary>
public sealed class InspectionCommandTests
{
    private static string Sample => Path.Combine(RepoPaths.BundledConfig, "samples", "world.xml");

    [Fact]
    public async Task Schema_prints_the_bundled_config_schema()
    {
        var ct = TestContext.Current.CancellationToken;

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "schema");

        code.ShouldBe(0, stderr);
        stdout.ShouldBe(File.ReadAllText(Path.Combine(RepoPaths.BundledConfig, "aggregator.schema.json")).ReplaceLineEndings("\n"));
        using var schema = JsonDocument.Parse(stdout);
        schema.RootElement.GetProperty("properties").GetProperty("rules").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Parse_json_prints_one_object_per_input_with_the_contract_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FeedServer();
        server.AddItem("g-1", "Troops & tanks", "<p>Armour <b>near</b> the border &amp; beyond</p>");

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct,
            "parse", "--json", "--config", RepoPaths.BundledConfig, Sample, Sample);

        code.ShouldBe(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        root.GetProperty("input").GetString().ShouldBe(Sample);
        root.GetProperty("title").GetString().ShouldBe("Sample World Desk");
        root.GetProperty("format").GetString().ShouldBe("rss2.0");
        var item = root.GetProperty("items")[0];
        foreach (var key in new[] { "key", "id", "title", "link", "published", "updated", "summary", "content", "authors", "categories" })
            item.TryGetProperty(key, out _).ShouldBeTrue($"items[] has '{key}'");
        item.GetProperty("key").GetString().ShouldBe("sample-world-0001");
        item.GetProperty("summary").GetString().ShouldBe("Several battalions of troops were seen moving towards the border crossing at dawn, local officials said.");
        item.GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Parse_json_shows_the_feeds_author_on_an_atom_entry_without_one()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var atom = dir.Write("desk.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Desk</title><id>urn:feed</id><updated>2024-01-02T00:00:00Z</updated>
              <author><name>Feed Desk</name></author>
              <author><name>Night Desk</name></author>
              <entry><title>Inherits</title><id>urn:1</id><updated>2024-01-02T00:00:00Z</updated></entry>
              <entry><title>Own</title><id>urn:2</id><updated>2024-01-02T00:00:00Z</updated><author><name>Ann Writer</name></author></entry>
            </feed>
            """);

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(dir.Path, null, ct, "parse", "--json", "--config", RepoPaths.BundledConfig, atom);

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var items = doc.RootElement.GetProperty("items");
        items[0].GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Feed Desk", "Night Desk"]);
        items[1].GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Ann Writer"]);
    }

    [Fact]
    public async Task Parse_of_a_url_is_refused_by_the_network_policy_and_exits_3_naming_the_input()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new FeedServer();
        var url = server.FeedUrl.ToString();

        var (code, _, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "parse", "--config", RepoPaths.BundledConfig, url);

        code.ShouldBe(3);
        stderr.ShouldStartWith(url + ": ");
        stderr.ShouldContain("loopback address");
        server.Requests.ShouldBe(0, "the guard refuses before any request is sent");
    }

    [Fact]
    public async Task Parse_of_an_html_page_says_it_is_not_a_feed_and_exits_3()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var page = dir.Write("page.html", "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"https://example.org/feed.xml\"></head><body>Hi</body></html>");

        var (code, _, stderr) = await AggregatorProcess.RunAsync(dir.Path, null, ct, "parse", "--config", RepoPaths.BundledConfig, page);

        code.ShouldBe(3);
        stderr.ShouldContain("not a feed");
        stderr.ShouldContain("https://example.org/feed.xml");
    }

    [Fact]
    public async Task Test_rule_explains_matches_in_json_and_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct,
            "test-rule", "--json", "--query", "troops AND border", "--config", RepoPaths.BundledConfig, Sample);

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var items = doc.RootElement.GetProperty("items");
        items.GetArrayLength().ShouldBe(3);
        var matched = items.EnumerateArray().Where(i => i.GetProperty("rules").GetArrayLength() > 0).ToList();
        matched.Count.ShouldBe(1, "the troopship item must not match");
        var rule = matched[0].GetProperty("rules")[0];
        rule.GetProperty("rule").GetString().ShouldBe("query");
        var title = matched[0].GetProperty("title").GetString()!;
        var match = rule.GetProperty("matches").EnumerateArray().First(m => m.GetProperty("field").GetString() == "title");
        title.Substring(match.GetProperty("start").GetInt32(), match.GetProperty("length").GetInt32()).ShouldBe("Troops");

        var forms = doc.RootElement.GetProperty("rules").EnumerateArray().Single();
        forms.GetProperty("rule").GetString().ShouldBe("query");
        forms.GetProperty("forms").EnumerateArray()
            .Select(f => $"{f.GetProperty("term").GetString()}: {string.Join(",", f.GetProperty("forms").EnumerateArray().Select(x => x.GetString()))}")
            .ShouldBe(["troops: troops,troop", "border: border,borders"]);
    }

    [Fact]
    public async Task Test_rule_exits_1_when_nothing_matches_and_2_for_an_invalid_query_naming_its_column()
    {
        var ct = TestContext.Current.CancellationToken;
        var none = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--query", "ceasefire", "--config", RepoPaths.BundledConfig, Sample);
        none.ExitCode.ShouldBe(1, none.Stderr);
        none.Stdout.ShouldContain("0 of 3 items matched");

        var invalid = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--query", "troops AND (border", "--config", RepoPaths.BundledConfig, Sample);
        invalid.ExitCode.ShouldBe(2);
        invalid.Stderr.ShouldStartWith("--query:12: error:");
    }

    /// <summary>An input that is not a feed is named on stderr; it decides the exit code only when nothing else matched.</summary>
    [Fact]
    public async Task Test_rule_exits_3_when_nothing_matched_and_an_input_is_not_a_feed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempConfigDirectory();
        dir.Write("notes.txt", "not a feed\n");
        var notAFeed = Path.Combine(dir.Path, "notes.txt");

        var alone = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--query", "troops", "--config", RepoPaths.BundledConfig, notAFeed);
        var nothing = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--query", "ceasefire", "--config", RepoPaths.BundledConfig, Sample, notAFeed);
        var matched = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--query", "troops", "--config", RepoPaths.BundledConfig, Sample, notAFeed);

        alone.ExitCode.ShouldBe(3, alone.Stdout);
        alone.Stderr.ShouldStartWith(notAFeed + ": ");
        alone.Stderr.Trim().Split('\n').Length.ShouldBe(1, "one line per input that is not a feed");
        nothing.ExitCode.ShouldBe(3, nothing.Stdout);
        matched.ExitCode.ShouldBe(0, matched.Stderr);
        matched.Stdout.ShouldContain("1 of 3 items matched");
        matched.Stderr.ShouldStartWith(notAFeed + ": ");
    }

    /// <summary>The broken query alone, or with another error that already stops the config loading.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("    notify: [nobody]\n")]
    public async Task Test_rule_with_an_invalid_rule_in_the_config_prints_check_configs_report_and_exits_2(string more)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", $"feeds:\n  - id: world\n    url: {Sample}\n");
        dir.Write("rules.yaml", "rules:\n  - id: fine\n    query: troops\n" + more + "  - id: broken\n    query: troops AND (border\n");

        var check = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "check-config", "--config", dir.Path);
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--config", dir.Path, Sample);

        code.ShouldBe(2, stdout);
        check.Stdout.ShouldContain("error: invalid query in rule 'broken'");
        stderr.Trim().ShouldBe(check.Stdout.Trim());
    }

    [Fact]
    public async Task Test_rule_without_a_query_evaluates_every_rule_of_the_config()
    {
        var ct = TestContext.Current.CancellationToken;
        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "test-rule", "--config", RepoPaths.BundledConfig, Sample);
        code.ShouldBe(0, stderr);
        stdout.ShouldContain("rule troops-at-border:");
        stdout.ShouldContain("1 of 3 items matched");
        stdout.ShouldStartWith("rule troops-at-border: troops → troops, troop · border → border, borders" + Environment.NewLine,
            customMessage: "each rule's bare words are shown with the forms they match");
    }

    [Fact]
    public async Task Parse_warns_on_stderr_when_a_document_is_past_a_limit_and_still_prints_what_it_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        var items = string.Concat(Enumerable.Range(0, 10_005).Select(i => $"<item><guid>g{i}</guid><title>t{i}</title></item>"));
        var file = dir.Write("big.xml", $"<rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>");

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(RepoPaths.Root, null, ct, "parse", file);

        code.ShouldBe(0, stderr);
        stderr.Trim().ShouldBe($"{file}: warning: kept the first 10,000 items of 10,005");
        stdout.ShouldContain("(rss2.0, 10000 items)");
    }
}
