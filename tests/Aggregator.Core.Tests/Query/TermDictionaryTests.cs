using Aggregator.Core.Query.Matching;

namespace Aggregator.Core.Tests.Query;

public sealed class TermDictionaryTests
{
    [Fact]
    public void Finds_every_key_and_nothing_else()
    {
        var words = new Dictionary<string, SlotPair>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++) words[$"w{i}"] = new SlotPair(i, -i);
        words["a"] = new SlotPair(1, 2);
        words["abcdefgh"] = new SlotPair(3, 4);
        words[new string('x', 70_000)] = new SlotPair(5, 6);
        var dictionary = new TermDictionary(words);
        foreach (var (word, pair) in words)
        {
            dictionary.TryGetValue(word, WordHash.Of(word), out var found).ShouldBeTrue(word[..Math.Min(10, word.Length)]);
            found.ShouldBe(pair);
        }
        string[] absent = ["", "b", "abcdefg", "abcdefghi", "w20000", "w-1", "W1", new string('x', 69_999), new string('x', 70_001)];
        foreach (var word in absent) dictionary.TryGetValue(word, WordHash.Of(word), out _).ShouldBeFalse(word[..Math.Min(10, word.Length)]);
    }

    [Fact]
    public void An_empty_dictionary_finds_nothing()
    {
        var dictionary = new TermDictionary(new Dictionary<string, SlotPair>());
        dictionary.TryGetValue("border", WordHash.Of("border"), out _).ShouldBeFalse();
    }
}
