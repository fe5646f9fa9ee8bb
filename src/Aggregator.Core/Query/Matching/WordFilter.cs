namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A compact bit set over the hash of every key (the prefix trie's first characters). Most words of an
/// item start no prefix; the filter turns those away with one probe into a small table that stays in
/// cache. It never turns away a key.
/// </summary>
internal sealed class WordFilter
{
    private readonly ulong[] _bits;
    private readonly uint _mask;

    public WordFilter(IEnumerable<string> keys, int count)
    {
        var bits = 1 << 16;
        while (bits < count * 16 && bits < (1 << 23)) bits <<= 1;
        _bits = new ulong[bits / 64];
        _mask = (uint)bits - 1;
        foreach (var key in keys)
        {
            var h = (uint)WordHash.Of(key) & _mask;
            _bits[h >> 6] |= 1UL << (int)(h & 63);
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        var h = (uint)WordHash.Of(word) & _mask;
        return (_bits[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }
}
