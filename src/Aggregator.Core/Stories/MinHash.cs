using System.Runtime.Intrinsics;

namespace Aggregator.Core.Stories;

/// <summary>
/// MinHash signatures: for each of <see cref="StoryParameters.Hashes"/> hash functions, the least hash over a text's
/// shingles; the share of positions where two signatures agree estimates the Jaccard similarity of the shingle sets.
/// The functions are 32-bit multiply-add hashes of the (already mixed) shingle hash, with constants drawn from
/// SplitMix64 with a fixed seed, so signatures are the same in every process and version; 32-bit arithmetic lets
/// eight functions run in one vector instruction. Only the top 8 bits of each minimum are kept (b-bit MinHash):
/// a chance agreement of 1 in 256 is taken out of the estimate, and 128 functions fit in 128 bytes, where 64
/// functions of 16 bits would estimate less precisely in the same space.
/// </summary>
internal static class MinHash
{
    private static readonly Vector256<uint>[] Multipliers = new Vector256<uint>[StoryParameters.Hashes / 8];
    private static readonly Vector256<uint>[] Addends = new Vector256<uint>[StoryParameters.Hashes / 8];

#pragma warning disable CA1810 // the constants are drawn in order from one sequence: a loop says that best
    static MinHash()
#pragma warning restore CA1810
    {
        var state = 0x53544F5259UL; // "STORY"
        Span<uint> multipliers = stackalloc uint[StoryParameters.Hashes];
        Span<uint> addends = stackalloc uint[StoryParameters.Hashes];
        for (var i = 0; i < StoryParameters.Hashes; i++)
        {
            multipliers[i] = (uint)StoryHash.SplitMix(ref state) | 1;
            addends[i] = (uint)StoryHash.SplitMix(ref state);
        }
        for (var v = 0; v < Multipliers.Length; v++)
        {
            Multipliers[v] = Vector256.Create<uint>(multipliers.Slice(8 * v, 8));
            Addends[v] = Vector256.Create<uint>(addends.Slice(8 * v, 8));
        }
    }

    /// <summary>The signature of a set of distinct shingles (not empty).</summary>
    public static byte[] Of(ReadOnlySpan<ulong> shingles)
    {
        Span<Vector256<uint>> minimum = stackalloc Vector256<uint>[StoryParameters.Hashes / 8];
        minimum.Fill(Vector256<uint>.AllBitsSet);
        var multipliers = Multipliers;
        var addends = Addends;
        foreach (var shingle in shingles)
        {
            var x = Vector256.Create((uint)shingle ^ (uint)(shingle >> 32));
            for (var v = 0; v < minimum.Length; v++) minimum[v] = Vector256.Min(minimum[v], (x * multipliers[v]) + addends[v]);
        }
        var signature = new byte[StoryParameters.Hashes];
        for (var v = 0; v < minimum.Length; v++)
        {
            for (var k = 0; k < 8; k++) signature[(8 * v) + k] = (byte)(minimum[v].GetElement(k) >> 24);
        }
        return signature;
    }

    /// <summary>
    /// Estimated Jaccard similarity: the share of positions where the signatures agree, less the 1 in 256 by which
    /// two different 8-bit minima agree by chance.
    /// </summary>
    public static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length == 0 || a.Length != b.Length) return 0;
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) same++;
        }
        const double chance = 1.0 / 256;
        return Math.Max(0, (((double)same / a.Length) - chance) / (1 - chance));
    }

    /// <summary>One lookup key per band of <see cref="StoryParameters.Rows"/> positions, the band's index mixed in.</summary>
    public static void BandKeys(ReadOnlySpan<byte> signature, Span<long> keys)
    {
        for (var band = 0; band < StoryParameters.Bands; band++)
        {
            ulong rows = 0;
            for (var row = 0; row < StoryParameters.Rows; row++) rows = (rows << 8) | signature[(band * StoryParameters.Rows) + row];
            keys[band] = (long)StoryHash.Mix(StoryHash.BandKind ^ ((ulong)band << 24) ^ rows);
        }
    }
}
