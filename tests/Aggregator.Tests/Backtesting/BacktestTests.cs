using Aggregator.Backtesting;
using Aggregator.Configuration;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Backtesting;

/// <summary>The backtest service over an archive real polls filled.</summary>
public sealed class BacktestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_is_evaluated_over_every_feeds_archive_with_evidence_counts_per_feed_and_alerts_per_day()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);
        var backtester = harness.Pipeline.Services.GetRequiredService<Backtester>();

        var run = await backtester.RunQueryAsync("troops", null, Ct);

        run.Status.ShouldBe(BacktestStatus.Done);
        var result = run.Result.ShouldNotBeNull();
        result.Evaluated.ShouldBe(6);
        result.Matches.Select(m => m.Item.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["desk-a", "desk-b", "old-f", "quiet-e", "sport-d"]);
        var a = result.Matches.Single(m => m.Item.Item.Key == "desk-a");
        a.Match.Matches.ShouldHaveSingleItem().ShouldBe(new Aggregator.Core.Query.TermMatch("title", "troops", 0, 6, "Troops at the border"));
        a.WouldAlert.ShouldBeTrue();
        result.Matches.Single(m => m.Item.Item.Key == "quiet-e").WouldAlert.ShouldBeFalse("a baseline item");
        result.Matches.Single(m => m.Item.Item.Key == "old-f").WouldAlert.ShouldBeFalse("older than maxItemAge when seen");
        result.PerFeed.Select(f => (f.FeedId, f.Count)).ShouldBe([("desk", 2), ("old", 1), ("quiet", 1), ("sport", 1)]);
        result.PerDay.Select(d => (d.Day, d.Count)).ShouldBe([(new DateOnly(2026, 11, 27), 3)]);
        result.Difference.ShouldBeNull("a query has no poll-time matches to compare with");

        (await backtester.TryAsync("troops", null, 2, Ct)).Result!.Evaluated.ShouldBe(2, "a preview reads the newest items only");
        (await backtester.RunQueryAsync("submarine", null, Ct)).Result!.Matches.ShouldBeEmpty();
        var invalid = await backtester.RunQueryAsync("troops AND (", null, Ct);
        invalid.Status.ShouldBe(BacktestStatus.InvalidQuery);
        invalid.Error.ShouldNotBeNull().ShouldStartWith("13: error:");
    }

    [Fact]
    public async Task The_days_window_leaves_out_items_seen_before_it()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);
        var backtester = harness.Pipeline.Services.GetRequiredService<Backtester>();
        harness.Pipeline.Time.Advance(TimeSpan.FromDays(2));

        (await backtester.RunQueryAsync("troops", TimeSpan.FromDays(1), Ct)).Result!.Evaluated.ShouldBe(0);
        (await backtester.RunQueryAsync("troops", TimeSpan.FromDays(3), Ct)).Result!.Evaluated.ShouldBe(6);
    }

    [Fact]
    public async Task A_rule_is_evaluated_over_its_feeds_and_compared_with_what_it_matched_at_poll_time()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);
        var backtester = harness.Pipeline.Services.GetRequiredService<Backtester>();

        var same = (await backtester.RunRuleAsync("troops-at-border", null, Ct)).Result.ShouldNotBeNull();
        same.Evaluated.ShouldBe(5, "sport is not among the rule's feeds");
        same.Matches.Select(m => m.Item.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["desk-a", "old-f", "quiet-e"]);
        same.Difference.ShouldNotBeNull().NewlyMatched.ShouldBeEmpty();
        same.Difference.NoLongerMatched.ShouldBeEmpty();

        // The rule is edited after the poll: the backtest shows what the new query gains and loses.
        var active = harness.Pipeline.Services.GetRequiredService<ActiveConfig>();
        var config = active.Current.Config;
        active.Swap(ConfigSnapshot.Create(config with { Rules = [config.Rules[0] with { Query = "parade OR talks OR month" }] }));

        var edited = (await backtester.RunRuleAsync("troops-at-border", null, Ct)).Result.ShouldNotBeNull();
        edited.Matches.Select(m => m.Item.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["desk-b", "desk-c", "old-f"]);
        edited.Difference!.NewlyMatched.Select(i => i.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["desk-b", "desk-c"]);
        edited.Difference.NoLongerMatched.Select(i => i.Item.Key).Order(StringComparer.Ordinal).ShouldBe(["desk-a", "quiet-e"]);

        (await backtester.RunRuleAsync("no-such-rule", null, Ct)).Status.ShouldBe(BacktestStatus.UnknownRule);
    }
}
