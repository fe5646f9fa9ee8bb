namespace Aggregator.Core.Stories;

/// <summary>
/// The 64-bit hashing behind story keys. Keys are stored in the database and compared across processes and
/// versions, so the functions are fixed here (FNV-1a over UTF-16 code units, then a MurmurHash3 finaliser)
/// rather than taken from <see cref="string.GetHashCode()"/>, which is randomised per process.
/// </summary>
internal static class StoryHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Kind tags mixed into every key so that a link key can never equal a title or band key.</summary>
    public const ulong LinkKind = 0x4C494E4B00000001UL;
    public const ulong TitleKind = 0x5449544C00000002UL;
    public const ulong BandKind = 0x42414E4400000003UL;
    public const ulong WordKind = 0x574F524400000004UL;
    public const ulong PairKind = 0x5041495200000005UL;

    public static ulong Start => FnvOffset;

    public static ulong Add(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash ^= c;
            hash *= FnvPrime;
        }
        return hash;
    }

    public static ulong Add(ulong hash, char c) => (hash ^ c) * FnvPrime;

    public static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash ^= (byte)(value >> (8 * i));
            hash *= FnvPrime;
        }
        return hash;
    }

    /// <summary>The hash of <paramref name="chars"/> under <paramref name="kind"/>, finalised.</summary>
    public static ulong Of(ulong kind, ReadOnlySpan<char> chars) => Mix(Add(Add(FnvOffset, kind), chars));

    /// <summary>MurmurHash3's 64-bit finaliser: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>SplitMix64: a fixed sequence of well-spread constants from one seed, for the MinHash family.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
