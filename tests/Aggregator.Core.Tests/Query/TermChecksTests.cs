using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

/// <summary>Each term of a query checked on its own: what <c>explain</c> shows as hit or missed.</summary>
public sealed class TermChecksTests
{
    [Fact]
    public void Each_term_is_hit_or_missed_in_its_own_field_scope_and_a_negated_one_is_marked()
    {
        var item = Item(title: "Troops at the border", summary: "Talks stalled over the parade.");

        var checks = TermChecks.Check("troops AND title:(parade OR border*) AND NOT \"peace talks\" AND -summary:/stall(ed)?/", item, "world-news", null);

        checks.Select(c => (c.Term, c.Fields, c.Negated, c.Hit)).ShouldBe(
        [
            ("troops", null, false, true),
            ("parade", "title", false, false),
            ("border*", "title", false, true),
            ("peace talks", null, true, false),
            ("/stall(ed)?/", "summary", true, true),
        ]);
        checks[0].Evidence!.ShouldHaveSingleItem().ShouldBe(new TermMatch("title", "troops", 0, 6, "Troops at the border"));
        checks[2].Evidence!.ShouldHaveSingleItem().Field.ShouldBe("title", "a term is checked only in its scope, though summary has no border");
        Run("troops AND title:(parade OR border*) AND NOT \"peace talks\" AND -summary:/stall(ed)?/", item).ShouldBeEmpty("the negated regex is there");
    }

    [Fact]
    public void An_invalid_query_throws_with_its_column()
    {
        Should.Throw<QuerySyntaxException>(() => TermChecks.Check("troops AND (", Item(title: "x"), "f", null)).Column.ShouldBe(13);
    }
}
