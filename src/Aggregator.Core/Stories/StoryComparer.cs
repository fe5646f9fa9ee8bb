namespace Aggregator.Core.Stories;

/// <summary>
/// Decides whether a new item is a story its subscriber was already alerted for. A wrong "same" silences an alert,
/// so every rule errs towards "different": a shared link must be backed by the text, a shared title must be
/// informative, near-identical text must be long enough, and two titles that are one template with different
/// words filled in (one disaster designation against another, one score against another) are never the same story.
/// </summary>
public static class StoryComparer
{
    public static StoryMatch Compare(StoryPrint earlier, StoryPrint later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var a = Comparable(earlier.TitleShingles, later.TitleShingles);
        var b = Comparable(later.TitleShingles, earlier.TitleShingles);
        var common = Common(a, b, out var distinctA, out var distinctB);
        if (IsTemplateVariant(a.Length, b.Length, common) && distinctA && distinctB) return StoryMatch.None;
        var similarity = MinHash.Similarity(earlier.Signature, later.Signature);
        if (earlier.CanonicalLink is not null && string.Equals(earlier.CanonicalLink, later.CanonicalLink, StringComparison.Ordinal))
        {
            // One link is one story only while the text agrees: a site may point several announcements at one index page,
            // and a live page or a reused link may carry "troops gather" and then "troops withdraw". So the shorter title's
            // words must all be in the other (a headline shortened or extended), or the texts be close.
            var shorter = Math.Min(a.Length, b.Length);
            var titleWithin = shorter > 0 && common == shorter;
            var nothingToCompare = (a.Length == 0 || b.Length == 0) && (earlier.Signature.Length == 0 || later.Signature.Length == 0);
            if (nothingToCompare || titleWithin || similarity >= StoryParameters.LinkAgreement) return StoryMatch.Link;
        }
        if (earlier.TitleKey != 0 && earlier.TitleKey == later.TitleKey) return StoryMatch.Title;
        var threshold = earlier.CjkText || later.CjkText ? StoryParameters.CjkTextThreshold : StoryParameters.TextThreshold;
        return similarity >= threshold ? StoryMatch.Text : StoryMatch.None;
    }

    /// <summary>Estimated Jaccard similarity of two prints' title-and-lead shingles (0 when either is too short).</summary>
    internal static double Similarity(StoryPrint a, StoryPrint b) => MinHash.Similarity(a.Signature, b.Signature);

    /// <summary>
    /// The part of a title's word sample that can be compared with another's: when either sample was cut at
    /// <see cref="StoryParameters.MaxTitleShingles"/>, only the hashes up to the lesser of the two largest are.
    /// </summary>
    private static ReadOnlySpan<ushort> Comparable(ushort[] title, ushort[] other)
    {
        if (title.Length < StoryParameters.MaxTitleShingles && other.Length < StoryParameters.MaxTitleShingles) return title;
        if (title.Length == 0 || other.Length == 0) return title;
        var limit = Math.Min(title[^1], other[^1]);
        var n = title.Length;
        while (n > 0 && title[n - 1] > limit) n--;
        return title.AsSpan(0, n);
    }

    /// <summary>Both titles have words the other lacks, yet share most of theirs: the same sentence about something else.</summary>
    internal static bool IsTemplateVariant(int a, int b, int common) =>
        common < a && common < b && common >= StoryParameters.VariantOverlap * Math.Max(a, b);

    /// <summary>Shingles two ascending arrays have in common.</summary>
    /// <param name="onlyA">Whether <paramref name="a"/> has a distinctive word (a number, a Han/Kana character) that <paramref name="b"/> lacks.</param>
    internal static int Common(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b, out bool onlyA, out bool onlyB)
    {
        int i = 0, j = 0, n = 0;
        onlyA = false;
        onlyB = false;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (j == b.Length || (i < a.Length && a[i] < b[j])) onlyA |= (a[i++] & 1) != 0;
            else onlyB |= (b[j++] & 1) != 0;
        }
        return n;
    }
}
