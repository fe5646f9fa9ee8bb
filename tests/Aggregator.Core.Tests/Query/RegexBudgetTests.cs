using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

/// <summary>Regex time is bounded per item and per poll, not only per field: past the budget regexes count as no match.</summary>
public sealed class RegexBudgetTests
{
    /// <summary>A clock that moves <c>step</c> at every reading: each regex evaluation (start, end) takes <c>step</c>, the cost of a slow pattern without waiting for it.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _now, step.Ticks);
    }

    // No literal the prefilter could use: the pattern runs on every field of every item.
    private static readonly RuleIndex Index = RuleIndex.Build([new RuleDefinition("digits", @"/\d{4}/", null), new RuleDefinition("word", "budget", null)]);

    [Fact]
    public void An_items_regexes_stop_when_its_budget_is_spent_and_the_next_item_starts_afresh()
    {
        var budget = new RegexBudget(new SteppingClock(TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);
        var late = Item(title: "budget", summary: "a", content: "b", categories: ["c", "year 2026"]);

        // Title, summary and content take 300 ms: the categories are never searched.
        Index.Match(late, "f", null, budget).Select(m => m.RuleId).ShouldBe(["word"], "words still match when regexes are out of time");
        budget.Skipped.ShouldBe(2);

        Index.Match(Item(title: "year 2026"), "f", null, budget).Select(m => m.RuleId).ShouldBe(["digits"]);
    }

    [Fact]
    public void A_polls_regexes_stop_when_the_poll_budget_is_spent()
    {
        var budget = new RegexBudget(new SteppingClock(TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        var quiet = Item(title: "a", summary: "b", content: "c");
        for (var i = 0; i < 2; i++) Index.Match(quiet, "f", null, budget).ShouldBeEmpty();

        Index.Match(Item(title: "year 2026"), "f", null, budget).ShouldBeEmpty("the poll's 500 ms went on the first items");
        budget.Skipped.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Without_a_budget_each_item_has_the_default() =>
        Index.Match(Item(categories: ["x", "year 2026"]), "f").Select(m => m.RuleId).ShouldBe(["digits"]);
}
