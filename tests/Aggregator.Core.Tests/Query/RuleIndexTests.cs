using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class RuleIndexTests
{
    [Fact]
    public void Empty_index_matches_nothing()
    {
        RuleIndex.Empty.Count.ShouldBe(0);
        RuleIndex.Empty.Match(Item(title: "anything"), "f").ShouldBeEmpty();
    }

    [Fact]
    public void Returns_every_matching_rule_in_rule_order_with_its_query()
    {
        var index = RuleIndex.Build(
        [
            new RuleDefinition("c", "border", null),
            new RuleDefinition("a", "troops AND border", null),
            new RuleDefinition("b", "harbour", null),
            new RuleDefinition("d", "troops -border", null),
        ]);
        var matches = index.Match(Item(title: "Troops at the border"), "f");
        matches.Select(m => m.RuleId).ShouldBe(["c", "a"]);
        matches[1].Query.ShouldBe("troops AND border");
    }

    [Fact]
    public void An_item_that_hits_hundreds_of_terms_matches_every_rule_watching_them()
    {
        var words = Enumerable.Range(0, 600).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var index = RuleIndex.Build(words.Select(w => new RuleDefinition(w, $"{w} OR \"{w} {w}\"", null)));
        var matches = index.Match(Item(content: string.Join(' ', words)), "f");
        matches.Select(m => m.RuleId).ShouldBe(words);
        matches[599].Matches.ShouldHaveSingleItem().Start.ShouldBe(string.Join(' ', words).IndexOf("w599", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_without_positive_terms_are_checked_on_every_item()
    {
        var index = RuleIndex.Build(
        [
            new RuleDefinition("not", "NOT troops", null),
            new RuleDefinition("minus", "-troops", null),
            new RuleDefinition("or-not", "border OR -army", null),
            new RuleDefinition("word", "troops", null),
        ]);
        index.AlwaysCheckedCount.ShouldBe(3);
        index.Match(Item(title: "Nothing in common"), "f").Select(m => m.RuleId).ShouldBe(["not", "minus", "or-not"]);
        index.Match(Item(title: "army troops"), "f").Select(m => m.RuleId).ShouldBe(["word"]);
    }

    [Fact]
    public void Shared_terms_across_many_rules_give_the_same_answers_as_one_rule_at_a_time()
    {
        string[] words = ["troops", "border", "harbour", "army", "policy", "cafe", "east", "west"];
        var random = new Random(7);
        var queries = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            string W() => words[random.Next(words.Length)];
            queries.Add((i % 6) switch
            {
                0 => W(),
                1 => $"{W()} AND {W()}",
                2 => $"{W()} OR \"{W()} {W()}\"",
                3 => $"{W()} -{W()}",
                4 => $"{W()} NEAR/2 {W()[..3]}*",
                _ => $"title:{W()} OR summary:({W()} {W()})",
            });
        }
        var index = RuleIndex.Build(queries.Select((q, i) => new RuleDefinition($"r{i}", q, null)));
        for (var n = 0; n < 40; n++)
        {
            var title = string.Join(' ', Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)]));
            var summary = string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)] + "s"));
            var item = Item(title: title, summary: summary);
            var together = index.Match(item, "f").Select(m => m.RuleId).ToList();
            var alone = queries.Select((q, i) => (q, i)).Where(x => Matches(x.q, item)).Select(x => $"r{x.i}").ToList();
            together.ShouldBe(alone, $"{title} / {summary}");
        }
    }

    [Fact]
    public void Prefixes_of_different_lengths_all_match_one_word()
    {
        var index = RuleIndex.Build(
        [
            new RuleDefinition("t", "t*", null),
            new RuleDefinition("troop", "troop*", null),
            new RuleDefinition("troopship", "troopship*", null),
            new RuleDefinition("troopships-long", "troopshipsx*", null),
            new RuleDefinition("x", "x*", null),
        ]);
        index.Match(Item(title: "Troopships sailed"), "f").Select(m => m.RuleId).ShouldBe(["t", "troop", "troopship"]);
        index.Match(Item(title: "tr"), "f").Select(m => m.RuleId).ShouldBe(["t"]);
    }

    [Fact]
    public void Match_is_safe_from_several_threads()
    {
        var index = RuleIndex.Build(Enumerable.Range(0, 50).Select(i => new RuleDefinition($"r{i}", $"word{i} OR troops", null)));
        var results = new int[200];
        Parallel.For(0, results.Length, i => results[i] = index.Match(Item(title: $"word{i % 50} here"), "f").Count);
        results.ShouldAllBe(count => count == 1);
    }
}
