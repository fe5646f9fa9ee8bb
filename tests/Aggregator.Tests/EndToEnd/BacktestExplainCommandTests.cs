using System.Text.Json;
using Aggregator.Tests.Backtesting;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// <c>backtest</c> and <c>explain</c> through the executable, over a state real polls filled (<see cref="ArchiveHarness"/>):
/// outputs, <c>--json</c> and exit codes.
/// </summary>
public sealed class BacktestExplainCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TempDirectory dir, params string[] args) =>
        AggregatorProcess.RunAsync(dir.Path, null, Ct, [.. args, "--config", dir.Combine("config")]);

    [Fact]
    public async Task Backtest_of_a_query_prints_each_match_with_highlights_then_counts_per_feed_and_per_day()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var (code, stdout, stderr) = await RunAsync(dir, "backtest", "--query", "troops AND border");

        code.ShouldBe(0, stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        lines[0].ShouldBe("query troops AND border over the 6 newest archived items (the archive keeps 7d)");
        lines.ShouldContain("MATCH Troops at the border");
        lines.ShouldContain("        title: \"troops\" at 0: Troops at the border");
        lines.ShouldContain("      quiet · seen 2026-11-27 10:00Z · baseline · https://news.example.org/quiet-e");
        stdout.ShouldContain("matches per feed:\n  desk  1\n  old  1\n  quiet  1\n  sport  1\n");
        stdout.ShouldContain("alerts per day (UTC; baseline, already seen and too old items would not alert):\n  2026-11-27  2\n");
        lines.ShouldContain("4 of 6 archived items matched");
    }

    [Fact]
    public async Task Backtest_exits_1_when_nothing_matches_and_2_for_an_invalid_query_or_an_unknown_rule()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var nothing = await RunAsync(dir, "backtest", "--query", "submarine");
        nothing.ExitCode.ShouldBe(1, nothing.Stderr);
        nothing.Stdout.ShouldContain("0 of 6 archived items matched");

        var invalid = await RunAsync(dir, "backtest", "--query", "troops AND (");
        invalid.ExitCode.ShouldBe(2);
        invalid.Stderr.ShouldStartWith("--query:13: error:");

        var unknown = await RunAsync(dir, "backtest", "--rule", "nope");
        unknown.ExitCode.ShouldBe(2);
        unknown.Stderr.ShouldContain("no rule 'nope'");

        var window = await RunAsync(dir, "backtest", "--query", "troops", "--days", "1");
        window.ExitCode.ShouldBe(1, "the items were seen on the harness's clock, long before today");
        window.Stdout.ShouldContain("the item archive holds no items seen in the last 1 days");
    }

    [Fact]
    public async Task Backtest_of_a_rule_as_json_is_one_object_with_its_scope_matches_and_poll_time_difference()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var (code, stdout, stderr) = await RunAsync(dir, "backtest", "--rule", "troops-at-border", "--json");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("rule").GetString().ShouldBe("troops-at-border");
        root.GetProperty("feeds").EnumerateArray().Select(f => f.GetString()).ShouldBe(["desk", "old", "quiet"]);
        root.GetProperty("evaluated").GetInt32().ShouldBe(5);
        root.GetProperty("matched").GetInt32().ShouldBe(3);
        var first = root.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "desk-a");
        first.GetProperty("wouldAlert").GetBoolean().ShouldBeTrue();
        first.GetProperty("matches")[0].GetProperty("snippet").GetString().ShouldBe("Troops at the border");
        root.GetProperty("perFeed").EnumerateArray().Select(f => f.GetProperty("feed").GetString()).ShouldBe(["desk", "old", "quiet"]);
        root.GetProperty("alertsPerDay").EnumerateArray().ShouldHaveSingleItem().GetProperty("alerts").GetInt32().ShouldBe(1);
        root.GetProperty("newlyMatched").GetArrayLength().ShouldBe(0);
        root.GetProperty("noLongerMatched").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Explain_prints_why_an_item_did_not_alert_and_exits_1_for_an_item_not_in_the_archive()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var (code, stdout, stderr) = await RunAsync(dir, "explain", "--rule", "troops-at-border", "https://news.example.org/desk-b");

        code.ShouldBe(0, stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        lines[0].ShouldBe("NOT ALERTED Troops on parade");
        lines.ShouldContain("  + troops: title at 0: Troops on parade");
        lines.ShouldContain("  - border: not found");
        lines.ShouldContain("  why: the query does not match the item (see the terms)");

        var missing = await RunAsync(dir, "explain", "--rule", "troops-at-border", "https://news.example.org/never");
        missing.ExitCode.ShouldBe(1);
        missing.Stdout.ShouldStartWith("https://news.example.org/never is not in the item archive");
    }

    [Fact]
    public async Task Explain_as_json_names_the_alert_and_its_message()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var (code, stdout, stderr) = await RunAsync(dir, "explain", "--rule", "troops-at-border", "desk-a", "--json");

        code.ShouldBe(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var item = doc.RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("alerted").GetBoolean().ShouldBeTrue();
        item.GetProperty("inScope").GetBoolean().ShouldBeTrue();
        item.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("hit").GetBoolean()).ShouldBe([true, true]);
        var delivery = item.GetProperty("deliveries").EnumerateArray().ShouldHaveSingleItem();
        delivery.GetProperty("subscriber").GetString().ShouldBe("ann");
        delivery.GetProperty("status").GetString().ShouldBe("queued");
        item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["alerted: 1 message(s) queued"]);
    }

    [Fact]
    public async Task Both_say_when_the_archive_is_off_and_exit_5_when_the_state_database_cannot_be_used()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);
        dir.Write("off/main.yaml", File.ReadAllText(dir.Combine("config/main.yaml")));
        dir.Write("off/settings.yaml", File.ReadAllText(dir.Combine("config/settings.yaml")) + "\n  console:\n    archive:\n      keep: 0\n");
        dir.Write("broken/main.yaml", File.ReadAllText(dir.Combine("config/main.yaml")));
        dir.Write("broken/settings.yaml", File.ReadAllText(dir.Combine("config/settings.yaml")).Replace("state.db", "not-a-db", StringComparison.Ordinal));
        dir.Write("not-a-db", "not a database at all" + new string('.', 200));

        var backtest = await AggregatorProcess.RunAsync(dir.Path, null, Ct, "backtest", "--query", "troops", "--config", dir.Combine("off"));
        backtest.ExitCode.ShouldBe(1, backtest.Stderr);
        backtest.Stdout.ShouldBe("the item archive is off (settings.console.archive.keep is 0): nothing the worker read is kept\n");
        var explain = await AggregatorProcess.RunAsync(dir.Path, null, Ct, "explain", "--rule", "troops-at-border", "desk-a", "--config", dir.Combine("off"));
        explain.ExitCode.ShouldBe(1, explain.Stderr);
        explain.Stdout.ShouldStartWith("the item archive is off");

        var broken = await AggregatorProcess.RunAsync(dir.Path, null, Ct, "backtest", "--query", "troops", "--config", dir.Combine("broken"));
        broken.ExitCode.ShouldBe(5, broken.Stdout);
        broken.Stderr.ShouldStartWith("error: the state database");
    }
}
