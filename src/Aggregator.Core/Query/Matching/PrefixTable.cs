namespace Aggregator.Core.Query.Matching;

/// <summary>
/// The prefixes of <c>word*</c> terms. A word is looked up by its own beginnings, one per distinct prefix
/// length, in a <see cref="TermDictionary"/> whose bit filter answers most of them from cache; a small
/// filter over the prefixes' first characters first turns away the words no prefix can start.
/// </summary>
internal sealed class PrefixTable
{
    private readonly TermDictionary _prefixes;
    private readonly int[] _lengths;
    private readonly WordFilter _heads;

    public PrefixTable(IReadOnlyCollection<KeyValuePair<string, int>> prefixes)
    {
        _lengths = [.. prefixes.Select(p => p.Key.Length).Distinct().Order()];
        _heads = new WordFilter([.. prefixes.Select(p => p.Key)], _lengths[0]);
        _prefixes = new TermDictionary(prefixes.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// False when no prefix can start <paramref name="word"/>: shorter than the shortest prefix, or its first
    /// characters begin no prefix. Spares the lookups for most words.
    /// </summary>
    public bool MayStart(ReadOnlySpan<char> word) => word.Length >= _lengths[0] && _heads.MayStart(word);

    /// <summary>The slots of the prefixes <paramref name="word"/> starts with, shortest first.</summary>
    public int Matches(ReadOnlySpan<char> word, Span<int> slots)
    {
        var found = 0;
        foreach (var length in _lengths)
        {
            if (length > word.Length) break;
            var prefix = word[..length];
            if (_prefixes.TryGetValue(prefix, WordHash.Of(prefix), out var slot)) slots[found++] = slot;
        }
        return found;
    }

    /// <summary>The most slots <see cref="Matches"/> can report for one word.</summary>
    public int MaxMatches => _lengths.Length;
}
