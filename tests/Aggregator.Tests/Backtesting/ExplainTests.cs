using Aggregator.Backtesting;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Backtesting;

/// <summary>Why an archived item did or did not alert for a rule.</summary>
public sealed class ExplainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ItemExplanation> ExplainAsync(ArchiveHarness harness, string keyOrLink)
    {
        var run = await harness.Pipeline.Services.GetRequiredService<Explainer>().ExplainAsync("troops-at-border", keyOrLink, null, Ct);
        run.Status.ShouldBe(ExplainStatus.Found);
        return run.Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_alerted_item_shows_its_terms_and_its_queued_message()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var e = await ExplainAsync(harness, "https://news.example.org/desk-a");

        e.Item.Item.Key.ShouldBe("desk-a");
        (e.InScope, e.Matches, e.MatchedAtPoll, e.TooOld, e.Alerted).ShouldBe((true, true, true, false, true));
        e.Terms.Select(t => (t.Term, t.Hit)).ShouldBe([("troops", true), ("border", true)]);
        e.Terms[1].Evidence!.ShouldHaveSingleItem().Snippet.ShouldBe("Troops at the border");
        e.Deliveries.ShouldHaveSingleItem().SubscriberId.ShouldBe("ann");
        e.Reasons.ShouldBe(["alerted: 1 message(s) queued"]);
    }

    [Fact]
    public async Task A_missed_term_an_out_of_scope_feed_an_old_item_and_a_baseline_poll_are_each_named()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);

        var missed = await ExplainAsync(harness, "desk-b");
        missed.Terms.Select(t => (t.Term, t.Hit)).ShouldBe([("troops", true), ("border", false)]);
        missed.Alerted.ShouldBeFalse();
        missed.Reasons.ShouldBe(["the query does not match the item (see the terms)"]);

        var scope = await ExplainAsync(harness, "sport-d");
        (scope.InScope, scope.Matches, scope.Alerted).ShouldBe((false, true, false));
        scope.Reasons.ShouldBe(["out of scope: feed 'sport' is not among the rule's feeds"]);

        var old = await ExplainAsync(harness, "https://news.example.org/old-f");
        (old.TooOld, old.Matches, old.Alerted).ShouldBe((true, true, false));
        old.Reasons.ShouldBe(["too old: dated more than alerts.maxItemAge (7d) before it was seen"]);

        var baseline = await ExplainAsync(harness, "quiet-e");
        (baseline.Item.Baseline, baseline.Matches, baseline.Alerted).ShouldBe((true, true, false));
        baseline.Reasons.ShouldBe(["baseline: seen at the feed's first poll, whose items are recorded without alerting"]);
    }

    [Fact]
    public async Task An_item_not_in_the_archive_and_an_unknown_rule_are_told_apart()
    {
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, Ct);
        var explainer = harness.Pipeline.Services.GetRequiredService<Explainer>();

        (await explainer.ExplainAsync("troops-at-border", "https://news.example.org/never", null, Ct)).Status.ShouldBe(ExplainStatus.NotArchived);
        (await explainer.ExplainAsync("troops-at-border", "desk-a", "sport", Ct)).Status.ShouldBe(ExplainStatus.NotArchived);
        (await explainer.ExplainAsync("nope", "desk-a", null, Ct)).Status.ShouldBe(ExplainStatus.UnknownRule);
    }
}
