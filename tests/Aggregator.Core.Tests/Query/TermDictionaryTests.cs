using Aggregator.Core.Query.Matching;

namespace Aggregator.Core.Tests.Query;

public sealed class TermDictionaryTests
{
    [Fact]
    public void Finds_every_key_and_nothing_else()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++) words[$"w{i}"] = 7 * i;
        words["a"] = 20_001;
        words["abcdefgh"] = 20_002;
        words[new string('x', 70_000)] = 20_003;
        var dictionary = new TermDictionary(words);
        foreach (var (word, slot) in words)
        {
            dictionary.TryGetValue(word, WordHash.Of(word), out var found).ShouldBeTrue(word[..Math.Min(10, word.Length)]);
            found.ShouldBe(slot);
        }
        string[] absent = ["", "b", "abcdefg", "abcdefghi", "w20000", "w-1", "W1", new string('x', 69_999), new string('x', 70_001)];
        foreach (var word in absent) dictionary.TryGetValue(word, WordHash.Of(word), out _).ShouldBeFalse(word[..Math.Min(10, word.Length)]);
    }

    [Fact]
    public void An_empty_dictionary_finds_nothing()
    {
        var dictionary = new TermDictionary(new Dictionary<string, int>());
        dictionary.TryGetValue("border", WordHash.Of("border"), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(11)]
    public void The_prefix_filter_never_turns_away_a_word_that_starts_with_a_key(int shortest)
    {
        var random = new Random(shortest);
        string Word(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)random.Next('a', 'z' + 1)));
        var keys = Enumerable.Range(0, 3_000).Select(_ => Word(shortest + random.Next(0, 5))).ToArray();
        var filter = new WordFilter(keys, shortest);
        foreach (var key in keys) filter.MayStart(key + Word(random.Next(0, 6))).ShouldBeTrue(key);
        var others = Enumerable.Range(0, 3_000).Select(_ => Word(shortest + 3)).Count(word => filter.MayStart(word));
        if (shortest >= 4) others.ShouldBeLessThan(300, "a filter that lets most words through saves nothing");
    }
}
