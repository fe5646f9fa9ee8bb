namespace Aggregator.Core.Stories;

/// <summary>
/// MinHash signatures: for each of <see cref="StoryParameters.Hashes"/> hash functions, the least hash over a text's
/// shingles; the share of positions where two signatures agree estimates the Jaccard similarity of the shingle sets.
/// The functions are multiply-add hashes of the (already mixed) shingle hash with constants drawn from SplitMix64
/// with a fixed seed, so signatures are the same in every process and version. Only the top 8 bits of each
/// minimum are kept (b-bit MinHash): a chance agreement of 1 in 256 is taken out of the estimate, and 128
/// functions fit in 128 bytes, where 64 functions of 16 bits would estimate half as precisely in the same space.
/// </summary>
internal static class MinHash
{
    private static readonly ulong[] Multipliers = new ulong[StoryParameters.Hashes];
    private static readonly ulong[] Addends = new ulong[StoryParameters.Hashes];

#pragma warning disable CA1810 // the constants are drawn in order from one sequence: a loop says that best
    static MinHash()
#pragma warning restore CA1810
    {
        var state = 0x53544F5259UL; // "STORY"
        for (var i = 0; i < StoryParameters.Hashes; i++)
        {
            Multipliers[i] = StoryHash.SplitMix(ref state) | 1;
            Addends[i] = StoryHash.SplitMix(ref state);
        }
    }

    /// <summary>The signature of a set of distinct shingles (not empty).</summary>
    public static byte[] Of(ReadOnlySpan<ulong> shingles)
    {
        Span<uint> minimum = stackalloc uint[StoryParameters.Hashes];
        minimum.Fill(uint.MaxValue);
        var multipliers = Multipliers;
        var addends = Addends;
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < minimum.Length; i++)
            {
                var h = (uint)((shingle * multipliers[i] + addends[i]) >> 32);
                if (h < minimum[i]) minimum[i] = h;
            }
        }
        var signature = new byte[StoryParameters.Hashes];
        for (var i = 0; i < signature.Length; i++) signature[i] = (byte)(minimum[i] >> 24);
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
            var h = StoryHash.Add(StoryHash.Add(StoryHash.Start, StoryHash.BandKind), (ulong)band);
            for (var row = 0; row < StoryParameters.Rows; row++) h = StoryHash.Add(h, signature[band * StoryParameters.Rows + row]);
            keys[band] = (long)StoryHash.Mix(h);
        }
    }
}
