using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A fast 64-bit hash of a folded word, read eight bytes at a time (most words take one or two steps),
/// so that hashing costs little next to reading the word. Equal words hash equal; nothing else is promised.
/// </summary>
internal static class WordHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    // Inlined: it runs for every word of every item, often twice (the word and its stem).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<char> word)
    {
        var bytes = MemoryMarshal.AsBytes(word);
        var h = (ulong)bytes.Length * Multiplier;
        var i = 0;
        while (bytes.Length - i > 8)
        {
            h = Mix(h, MemoryMarshal.Read<ulong>(bytes[i..]));
            i += 8;
        }
        // The last (up to) eight bytes, overlapping what was already read rather than padding.
        ulong last = bytes.Length switch
        {
            >= 8 => MemoryMarshal.Read<ulong>(bytes[^8..]),
            >= 4 => ((ulong)MemoryMarshal.Read<uint>(bytes) << 32) | MemoryMarshal.Read<uint>(bytes[^4..]),
            2 => MemoryMarshal.Read<ushort>(bytes),
            _ => 0,
        };
        h = Mix(h, last);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        return h ^ (h >> 33);
    }

    private static ulong Mix(ulong h, ulong value)
    {
        h = (h ^ value) * Multiplier;
        return h ^ (h >> 29);
    }
}
