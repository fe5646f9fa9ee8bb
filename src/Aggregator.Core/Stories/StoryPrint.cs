namespace Aggregator.Core.Stories;

/// <summary>
/// What is kept of a feed item to tell later whether another item is the same news story: its canonical link, a
/// hash of its normalised title, the shingles of its title and a MinHash signature of its title and lead.
/// Computed once per item; immutable. <see cref="Keys"/> are the exact-match lookup keys under which earlier prints
/// are found; <see cref="StoryComparer.Compare"/> then decides on the full print.
/// </summary>
public sealed class StoryPrint : IEquatable<StoryPrint>
{
    private readonly long[] _keys;

    internal StoryPrint(string? canonicalLink, ulong titleKey, ushort[] titleShingles, int shingleCount, byte[] signature, bool cjkText)
    {
        CjkText = cjkText;
        CanonicalLink = canonicalLink;
        TitleKey = titleKey;
        TitleShingles = titleShingles;
        ShingleCount = shingleCount;
        Signature = signature;
        var n = (canonicalLink is null ? 0 : 1) + (titleKey == 0 ? 0 : 1) + (signature.Length == 0 ? 0 : StoryParameters.Bands);
        _keys = new long[n];
        var at = 0;
        if (canonicalLink is not null) _keys[at++] = (long)StoryHash.Of(StoryHash.LinkKind, canonicalLink);
        if (titleKey != 0) _keys[at++] = (long)titleKey;
        if (signature.Length != 0) MinHash.BandKeys(signature, _keys.AsSpan(at));
    }

    /// <summary>The link as compared (host/path?query without scheme, www., fragment or tracking), or null when the item has no http(s) link.</summary>
    public string? CanonicalLink { get; }

    /// <summary>Lookup keys: the link's, the title's (only for an informative title), then one per LSH band (only for a long enough text).</summary>
    public IReadOnlyList<long> Keys => _keys;

    /// <summary>
    /// How many of <see cref="Keys"/>, from the first, are the link's and the title's: one of them in common makes an earlier
    /// print a candidate, where band keys need <see cref="CandidateWeight"/> in common (see <see cref="IsCandidate"/>).
    /// </summary>
    public int StrongKeys => _keys.Length - (Signature.Length == 0 ? 0 : StoryParameters.Bands);

    /// <summary>
    /// The weight of keys in common that makes an earlier print worth comparing: a link or title key counts this much, a band
    /// key one. One band alone is what unrelated texts sharing a few common words reach; a text at the similarity threshold
    /// shares two or more bands nine times in ten, and one clearly above it nearly always.
    /// </summary>
    public const int CandidateWeight = 2;

    /// <summary>Whether <paramref name="earlier"/> is looked at for <paramref name="later"/>: the weight of their common keys reaches <see cref="CandidateWeight"/>.</summary>
    public static bool IsCandidate(StoryPrint earlier, StoryPrint later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var weight = 0;
        for (var i = 0; i < later._keys.Length; i++)
        {
            if (Array.IndexOf(earlier._keys, later._keys[i]) < 0) continue;
            weight += i < later.StrongKeys ? CandidateWeight : 1;
            if (weight >= CandidateWeight) return true;
        }
        return false;
    }

    /// <summary>Hash of the normalised title, or 0 when the title is too short or generic to identify a story.</summary>
    internal ulong TitleKey { get; }

    /// <summary>The title's distinct informative words (Han/Kana characters singly), 16 bits each, ascending.</summary>
    internal ushort[] TitleShingles { get; }

    /// <summary>Distinct shingles of title and lead.</summary>
    internal int ShingleCount { get; }

    /// <summary>Most shingles are Han/Kana character pairs, which unrelated texts share more of than words.</summary>
    internal bool CjkText { get; }

    /// <summary>The MinHash signature, or empty when the text has fewer than <see cref="StoryParameters.MinShingles"/> shingles.</summary>
    internal byte[] Signature { get; }

    /// <summary>The print of an item; <paramref name="title"/> and <paramref name="summary"/> are plain text.</summary>
    public static StoryPrint Of(string title, string? link, string summary)
    {
        var shingler = StoryShingler.Current;
        shingler.Clear();
        shingler.ReadTitle(shingler.WithoutPublisher(title ?? string.Empty));
        var titleKey = shingler.TitleWords >= StoryParameters.MinTitleWords || shingler.TitleCjk >= StoryParameters.MinTitleCjk
            ? shingler.TitleHash | 1
            : 0;
        var titleShingles = TitleShinglesOf(shingler.TitleWordHashes);
        shingler.ReadText(summary, StoryParameters.MaxSummaryShingles);
        var distinct = shingler.SortDistinct(0);
        var signature = distinct >= StoryParameters.MinShingles ? MinHash.Of(shingler.Shingles) : [];
        var cjkText = shingler.CjkShingles * 2 > shingler.Emitted;
        return new StoryPrint(Stories.CanonicalLink.Of(link), titleKey, titleShingles, Math.Min(distinct, ushort.MaxValue), signature, cjkText);
    }

    /// <summary>The print of a feed item: its title, link and lead (its summary, or its content when it has none).</summary>
    public static StoryPrint Of(Items.FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Of(item.Title, item.Link, string.IsNullOrWhiteSpace(item.Summary) ? item.Content : item.Summary);
    }

    /// <summary>The print in its stored form: a version byte first; 244 bytes for the median news-feeds item, link included.</summary>
    public byte[] ToBytes() => StoryPrintFormat.Write(this);

    /// <summary>Reads a stored print; throws <see cref="FormatException"/> on anything <see cref="ToBytes"/> did not write.</summary>
    public static StoryPrint FromBytes(ReadOnlySpan<byte> bytes) => StoryPrintFormat.Read(bytes);

    public bool Equals(StoryPrint? other) =>
        other is not null && string.Equals(CanonicalLink, other.CanonicalLink, StringComparison.Ordinal) && TitleKey == other.TitleKey
            && CjkText == other.CjkText
            && ShingleCount == other.ShingleCount && TitleShingles.AsSpan().SequenceEqual(other.TitleShingles)
            && Signature.AsSpan().SequenceEqual(other.Signature);

    public override bool Equals(object? obj) => Equals(obj as StoryPrint);

    public override int GetHashCode() => HashCode.Combine(CanonicalLink, TitleKey, ShingleCount);

    private static ushort[] TitleShinglesOf(ReadOnlySpan<ulong> shingles)
    {
        Span<ushort> buffer = stackalloc ushort[shingles.Length];
        for (var i = 0; i < shingles.Length; i++) buffer[i] = (ushort)(shingles[i] >> 48);
        buffer.Sort();
        var n = 0;
        for (var i = 0; i < buffer.Length && n < StoryParameters.MaxTitleShingles; i++)
        {
            if (n == 0 || buffer[i] != buffer[n - 1]) buffer[n++] = buffer[i];
        }
        return buffer[..n].ToArray();
    }
}
