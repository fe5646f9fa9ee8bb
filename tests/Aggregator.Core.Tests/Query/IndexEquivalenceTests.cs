using Aggregator.Core.Items;
using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

/// <summary>
/// The index over many rules gives every rule the same matches and the same evidence (field, term,
/// offsets, snippet) as an index holding that rule alone, whatever terms the rules share and whichever
/// term a rule is anchored by.
/// </summary>
public sealed class IndexEquivalenceTests
{
    private static readonly string[] Common = ["the", "troops", "border", "said", "army", "policy", "talks", "boxes"];

    private static readonly string[] Rare =
        ["harbour", "Kraków", "Straße", "naïve", "Zürich", "café", "policies", "troopship", "east", "ørsted", "kalorenvi", "dormalsen"];

    [Fact]
    public void Every_rule_gets_the_same_matches_and_evidence_as_when_it_is_alone()
    {
        var random = new Random(11);
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < 400; i++) rules.Add(new RuleDefinition($"r{i}", Query(random, i), null));
        var together = RuleIndex.Build(rules);
        var alone = rules.Select(r => RuleIndex.Build([r])).ToArray();
        var evidence = 0;
        for (var n = 0; n < 60; n++)
        {
            var item = RandomItem(random);
            var expected = new List<string>();
            for (var i = 0; i < rules.Count; i++)
                expected.AddRange(alone[i].Match(item, "world-news").SelectMany(Describe));
            var actual = together.Match(item, "world-news").SelectMany(Describe).ToList();
            actual.ShouldBe(expected, $"item {n}: {item.Title} / {item.Summary}");
            evidence += expected.Count;
        }
        evidence.ShouldBeGreaterThan(1000, "the items should match many rules, or the comparison proves little");
    }

    [Fact]
    public void A_term_many_rules_share_still_finds_a_rule_that_needs_it()
    {
        // "the" is mentioned by every rule, so rules are anchored by their other term; one rule has only "the".
        var rules = Enumerable.Range(0, 50).Select(i => new RuleDefinition($"r{i}", $"the AND word{i}", null)).ToList();
        rules.Add(new RuleDefinition("only-the", "the", null));
        rules.Add(new RuleDefinition("phrase", "\"the word7\"", null));
        var index = RuleIndex.Build(rules);
        index.Match(Item(title: "the word7 and word9"), "f").Select(m => m.RuleId).ShouldBe(["r7", "r9", "only-the", "phrase"]);
        index.Match(Item(title: "word7 alone"), "f").ShouldBeEmpty();
        index.Match(Item(title: "The end"), "f").Select(m => m.RuleId).ShouldBe(["only-the"]);
    }

    private static string Query(Random random, int i)
    {
        string C() => Common[random.Next(Common.Length)];
        string R() => Rare[random.Next(Rare.Length)];
        string W() => random.Next(3) == 0 ? R() : C();
        return (i % 12) switch
        {
            0 => W(),
            1 => $"{R()} AND {C()}",
            2 => $"{W()} OR {W()}",
            3 => $"\"{W()} {W()}\"",
            4 => $"{W()} -{C()}",
            5 => $"({R()} OR {R()}) AND {C()}",
            6 => $"{W()} NEAR/3 {W()}",
            7 => $"title:{W()} OR category:{W()}",
            8 => Prefix(W()),
            9 => $"/{C()}s?/ AND {R()}",
            10 => $"author:({W()} OR {C()}*) {W()}",
            _ => $"{W()} {C()} {R()}",
        };
    }

    private static string Prefix(string word) => word[..Math.Min(4, word.Length)] + "*";

    private static FeedItem RandomItem(Random random)
    {
        string Words(int count) => string.Join(random.Next(2) == 0 ? " " : ", ", Enumerable.Range(0, count).Select(_ =>
        {
            var pool = random.Next(3) == 0 ? Rare : Common;
            var word = pool[random.Next(pool.Length)];
            return random.Next(4) == 0 ? word.ToUpperInvariant() + "s" : word;
        }));
        string[] values = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Words(2))];
        return new FeedItem("k", "id", Words(5), "https://example.org/a", null, null, Words(12), Words(30), values, [.. values.Reverse()]);
    }

    private static IEnumerable<string> Describe(RuleMatch match) =>
        match.Matches.Select(t => $"{match.RuleId} {match.Query} | {t.Field} {t.Term} {t.Start} {t.Length} {t.Snippet}").DefaultIfEmpty($"{match.RuleId} {match.Query} | no evidence");
}
