using System.Globalization;
using Aggregator.Core.Query;

namespace Aggregator.Benchmarks.Matching;

/// <summary>Deterministic rules of every shape the language offers, watching mostly specific words.</summary>
internal static class RuleCorpus
{
    public static List<RuleDefinition> Rules(NewsCorpus corpus, int count, int seed = 7)
    {
        var random = new Random(seed);
        var rules = new List<RuleDefinition>(count);
        for (var i = 0; i < count; i++)
        {
            string S() => Specific(corpus, random);
            string A() => random.Next(4) == 0 ? Common(corpus, random) : Specific(corpus, random);
            var query = (i % 10) switch
            {
                0 => S(),
                1 => $"{S()} AND {A()}",
                2 => $"{S()} OR {S()}",
                3 => $"\"{S()} {A()}\"",
                4 => $"{S()} -{A()}",
                5 => $"({S()} OR {S()}) AND {A()}",
                6 => $"{S()} NEAR/5 {A()}",
                7 => $"title:{S()}",
                8 => Prefix(corpus, random),
                _ => $"{S()} {A()} {A()}",
            };
            rules.Add(new RuleDefinition("rule-" + i.ToString(CultureInfo.InvariantCulture), query, null));
        }
        return rules;
    }

    /// <summary>
    /// A specific word (a name, a place, a topic: uniform over the vocabulary past its most common words).
    /// Every rule has one; further terms are sometimes common news words ("troops", "election").
    /// </summary>
    private static string Specific(NewsCorpus corpus, Random random) => corpus.Word(random.Next(150, corpus.VocabularySize));

    private static string Common(NewsCorpus corpus, Random random) => corpus.Word(random.Next(30, 150));

    /// <summary>A long specific word as a prefix (<c>troop*</c>-like: the word and its longer forms).</summary>
    private static string Prefix(NewsCorpus corpus, Random random)
    {
        var word = Specific(corpus, random);
        while (word.Length < 8) word = Specific(corpus, random);
        return word + "*";
    }
}
