using System.Numerics;
using System.Runtime.InteropServices;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A compact bit set over the first characters of every key (as many as the shortest key has, at most
/// eight). Most words of an item start no prefix; the filter turns those away with two multiplications and
/// one probe into a small table that stays in cache. It never turns away a word that starts with a key.
/// </summary>
internal sealed class WordFilter
{
    private const int MaxHead = 8;

    private readonly ulong[] _bits;
    private readonly int _shift;
    private readonly int _head;

    /// <param name="keys">Keys of at least <paramref name="head"/> characters.</param>
    /// <param name="head">How many first characters of a word the filter looks at (capped at eight).</param>
    public WordFilter(IReadOnlyCollection<string> keys, int head)
    {
        var bits = 1 << 16;
        while (bits < keys.Count * 16 && bits < (1 << 23)) bits <<= 1;
        _bits = new ulong[bits / 64];
        _shift = 64 - BitOperations.Log2((uint)bits);
        _head = Math.Min(head, MaxHead);
        foreach (var key in keys)
        {
            var bit = Bit(key);
            _bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>Whether a key may start <paramref name="word"/>, which has at least as many characters as the head.</summary>
    public bool MayStart(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        return (_bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private ulong Bit(ReadOnlySpan<char> word)
    {
        ulong low, high = 0;
        if (_head >= 4)
        {
            // Two overlapping reads of four characters cover heads of four to eight.
            low = Read4(word);
            high = Read4(word[(_head - 4)..]);
        }
        else
        {
            low = 0;
            for (var i = 0; i < _head; i++) low |= (ulong)word[i] << (16 * i);
        }
        return ((low * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL)) >> _shift;
    }

    private static ulong Read4(ReadOnlySpan<char> chars) => MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(chars[..4]));
}
