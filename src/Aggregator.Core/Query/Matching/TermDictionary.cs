namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Folded words to their slots, laid out for lookups that mostly miss: a bit
/// filter (a few KB, stays in cache) turns away most words no rule mentions; the rest probe one
/// open-addressing table of 12-byte entries whose keys sit in one character pool. A hit touches about
/// two cache lines, where a <see cref="Dictionary{TKey, TValue}"/> touches buckets, entries and a string.
/// </summary>
internal sealed class TermDictionary
{
    private readonly ulong[] _filter;
    private readonly int _blockMask;
    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly char[] _keys;

    public TermDictionary(IReadOnlyDictionary<string, int> words)
    {
        Count = words.Count;
        var bits = 1 << 16;
        while (bits < words.Count * 16 && bits < (1 << 23)) bits <<= 1;
        _filter = new ulong[bits / 64];
        _blockMask = bits / 64 - 1;
        var capacity = 16;
        while (capacity < words.Count * 2) capacity <<= 1;
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        // Offset 0 is never a key, so a zeroed entry is an empty one. Each key is stored as its length (two chars) then its chars.
        var pool = new List<char>(1 + words.Sum(w => w.Key.Length + 2)) { '\0' };
        foreach (var (word, slot) in words)
        {
            var hash = WordHash.Of(word);
            _filter[Block(hash)] |= FilterBits(hash);
            var i = (int)hash & _mask;
            while (_entries[i].Key != 0) i = (i + 1) & _mask;
            _entries[i] = new Entry((uint)(hash >> 32), pool.Count, slot);
            pool.Add((char)(word.Length & 0xFFFF));
            pool.Add((char)(word.Length >> 16));
            pool.AddRange(word);
        }
        _keys = [.. pool];
    }

    public int Count { get; }

    /// <summary>Looks up a folded word whose <see cref="WordHash"/> is <paramref name="hash"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, ulong hash, out int slot)
    {
        var bits = FilterBits(hash);
        if ((_filter[Block(hash)] & bits) == bits)
        {
            var tag = (uint)(hash >> 32);
            var entries = _entries;
            for (var i = (int)hash & _mask; entries[i].Key != 0; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];
                if (entry.Tag == tag && KeyEquals(entry.Key, word))
                {
                    slot = entry.Slot;
                    return true;
                }
            }
        }
        slot = -1;
        return false;
    }

    private bool KeyEquals(int key, ReadOnlySpan<char> word)
    {
        var keys = _keys;
        var length = keys[key] | (keys[key + 1] << 16);
        return length == word.Length && keys.AsSpan(key + 2, length).SequenceEqual(word);
    }

    private int Block(ulong hash) => (int)(hash >> 40) & _blockMask;

    private static ulong FilterBits(ulong hash) =>
        (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63)) | (1UL << (int)((hash >> 12) & 63));

    private readonly record struct Entry(uint Tag, int Key, int Slot);
}
