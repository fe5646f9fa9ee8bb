namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A compact bit set over a cheap hash of every dictionary key. Most words of an item are in no rule;
/// the filter turns those away with one probe into a small table that stays in cache, instead of a
/// lookup in the (large, cache-missing) dictionary. It never turns away a key.
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
            var h = Hash(key) & _mask;
            _bits[h >> 6] |= 1UL << (int)(h & 63);
        }
    }

    public bool MayContain(ReadOnlySpan<char> word)
    {
        var h = Hash(word) & _mask;
        return (_bits[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word) h = (h ^ c) * 16777619u;
        return h ^ (h >> 15);
    }
}
