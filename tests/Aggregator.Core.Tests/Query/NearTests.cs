using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class NearTests
{
    private static string Gap(int words) => string.Join(' ', Enumerable.Repeat("x", words));

    [Theory]
    // Distance counts word positions: adjacent words are 1 apart; NEAR/n allows n - 1 words between.
    [InlineData("a NEAR/1 b", 0, true)]
    [InlineData("a NEAR/1 b", 1, false)]
    [InlineData("a NEAR/8 b", 7, true)]
    [InlineData("a NEAR/8 b", 8, false)]
    [InlineData("a NEAR b", 9, true)]
    [InlineData("a NEAR b", 10, false)]
    [InlineData("b NEAR/8 a", 7, true)]
    [InlineData("b NEAR/8 a", 8, false)]
    public void Near_distance_boundary(string query, int wordsBetween, bool expected) =>
        Matches(query, Item(summary: $"a {Gap(wordsBetween)} b")).ShouldBe(expected);

    [Fact]
    public void Near_works_in_either_order_and_with_plurals()
    {
        Matches("border NEAR/3 troop", Item(summary: "Troops massed at the borders")).ShouldBeFalse();
        Matches("border NEAR/4 troop", Item(summary: "Troops massed at the borders")).ShouldBeTrue();
        Matches("troop NEAR/4 border", Item(summary: "Troops massed at the borders")).ShouldBeTrue();
    }

    [Fact]
    public void Near_measures_phrases_from_their_nearest_ends()
    {
        var item = Item(summary: "security guarantees were given to ukraine");
        Matches("\"security guarantees\" NEAR/4 ukraine", item).ShouldBeTrue();
        Matches("\"security guarantees\" NEAR/3 ukraine", item).ShouldBeFalse();
        Matches("ukraine NEAR/4 \"security guarantees\"", item).ShouldBeTrue();
    }

    [Fact]
    public void Near_accepts_prefixes_and_or_groups()
    {
        var item = Item(summary: "the troopship left the harbour");
        Matches("troop* NEAR/3 harbour", item).ShouldBeTrue();
        Matches("(port OR harbour) NEAR/3 troop*", item).ShouldBeTrue();
        Matches("(port OR dock) NEAR/3 troop*", item).ShouldBeFalse();
    }

    [Fact]
    public void Near_never_spans_two_fields()
    {
        Matches("a NEAR/5 b", Item(title: "a", summary: "b")).ShouldBeFalse();
        Matches("title:a NEAR/5 b", Item(title: "a b")).ShouldBeTrue();
        Matches("title:a NEAR/5 summary:b", Item(title: "a b", summary: "b")).ShouldBeFalse();
    }

    [Fact]
    public void Near_needs_two_distinct_occurrences()
    {
        Matches("border NEAR/3 border", Item(summary: "the border")).ShouldBeFalse();
        Matches("border NEAR/3 border", Item(summary: "border to border")).ShouldBeTrue();
    }
}

/// <summary>NEAR against its definition, on random texts long enough that every pair would be costly to compare.</summary>
public sealed class NearDefinitionTests
{
    [Fact]
    public void Near_agrees_with_the_pairwise_definition_on_random_texts()
    {
        var random = new Random(1234);
        string[] vocabulary = ["a", "b", "c", "d"];
        for (var round = 0; round < 300; round++)
        {
            var words = Enumerable.Range(0, random.Next(1, 400)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            var distance = random.Next(1, 6);
            var expected = Expected(words, "a", "b", distance);
            Matches($"a NEAR/{distance} b", Item(summary: string.Join(' ', words))).ShouldBe(expected, $"round {round}");
        }
    }

    [Fact]
    public void Near_over_a_long_item_finds_the_one_close_pair()
    {
        var text = string.Join(' ', Enumerable.Repeat("a", 50_000)) + " c b";
        Matches("a NEAR/2 b", Item(content: text)).ShouldBeTrue();
        Matches("a NEAR/1 b", Item(content: text)).ShouldBeFalse();
        Matches("b NEAR/1 a", Item(content: "b " + text)).ShouldBeTrue();
    }

    private static bool Expected(string[] words, string left, string right, int distance)
    {
        for (var i = 0; i < words.Length; i++)
            for (var j = 0; j < words.Length; j++)
                if (words[i] == left && words[j] == right && i != j && Math.Abs(i - j) <= distance) return true;
        return false;
    }
}
