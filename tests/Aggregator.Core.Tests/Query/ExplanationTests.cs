using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class ExplanationTests
{
    private static TermMatch Single(string query, Aggregator.Core.Items.FeedItem item)
    {
        var matches = Run(query, item);
        matches.Count.ShouldBe(1);
        return matches[0].Matches.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("border", "Troops at the Borders today", "Borders")]
    [InlineData("\"security guarantees\"", "Talks on Security  Guarantees", "Security  Guarantees")]
    [InlineData("troop*", "The troopship sailed", "troopship")]
    [InlineData("cafe", "Un Café noir", "Café")]
    [InlineData("strasse", "Die Straße", "Straße")]
    [InlineData("東京", "大阪と東京都", "東京")]
    [InlineData("/troop(ship|s)/", "The troopship sailed", "troopship")]
    public void Start_and_length_point_at_the_matched_text(string query, string title, string expected)
    {
        var match = Single(query, Item(title: title));
        match.Field.ShouldBe("title");
        title.Substring(match.Start, match.Length).ShouldBe(expected);
    }

    [Fact]
    public void Reports_the_query_term_and_each_field_it_was_found_in()
    {
        var matches = Run("troops", Item(title: "Troops", summary: "More troops")).Single().Matches;
        matches.Select(m => (m.Field, m.Term, m.Start)).ShouldBe([("title", "troops", 0), ("summary", "troops", 5)]);
    }

    [Fact]
    public void Category_offsets_index_into_the_joined_values()
    {
        var match = Single("category:europe", Item(categories: ["World", "Europe"]));
        match.Field.ShouldBe("category");
        "World, Europe".Substring(match.Start, match.Length).ShouldBe("Europe");
    }

    [Fact]
    public void Not_branches_report_nothing_and_or_reports_only_matching_branches()
    {
        var matches = Run("(troops OR tanks OR ships) -river", Item(summary: "troops and ships")).Single().Matches;
        matches.Select(m => m.Term).ShouldBe(["troops", "ships"]);
    }

    [Fact]
    public void Near_reports_both_sides()
    {
        var matches = Run("troops NEAR/3 border", Item(summary: "the border saw troops")).Single().Matches;
        matches.Select(m => m.Term).ShouldBe(["troops", "border"], ignoreOrder: true);
    }

    [Fact]
    public void A_rule_matching_only_through_not_has_no_evidence()
    {
        Run("NOT troops", Item(title: "river")).Single().Matches.ShouldBeEmpty();
    }

    [Fact]
    public void Snippet_is_cut_at_word_boundaries_with_ellipses()
    {
        var before = string.Join(' ', Enumerable.Range(0, 30).Select(i => "before" + i));
        var after = string.Join(' ', Enumerable.Range(0, 30).Select(i => "after" + i));
        var match = Single("troops", Item(content: $"{before} troops {after}"));
        match.Snippet.ShouldStartWith("…before");
        match.Snippet.ShouldEndWith("…");
        match.Snippet.ShouldContain(" troops ");
        var words = match.Snippet.Trim('…').Split(' ');
        words.ShouldAllBe(w => w.StartsWith("before", StringComparison.Ordinal) || w.StartsWith("after", StringComparison.Ordinal) || w == "troops");
        match.Snippet.Length.ShouldBeLessThanOrEqualTo(60 + 6 + 60 + 2);
        match.Snippet.Length.ShouldBeGreaterThan(90);
    }

    [Fact]
    public void Short_text_snippet_is_the_whole_text()
    {
        Single("troops", Item(title: "Troops at the border")).Snippet.ShouldBe("Troops at the border");
    }
}
