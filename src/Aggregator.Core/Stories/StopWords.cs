namespace Aggregator.Core.Stories;

/// <summary>
/// The commonest function words of English, German and French, folded. Two unrelated texts in one language share
/// them by the dozen, so they are left out of shingles and do not count towards an informative title.
/// Kept as a set of word hashes so that checking a word allocates nothing.
/// </summary>
internal static class StopWords
{
    private static readonly HashSet<ulong> Hashes = Build(
        // English
        "the an and or but of to in on at for with by from as is are was were be been being it its this that these those "
        + "he she they we you his her their our your them him who whom which what when where how why not no so than then "
        + "there here has have had do does did will would can could should may might must shall also after before over "
        + "into about up out more most says said say just us all any some one new now",
        // German
        "der die das den dem des ein eine einen einem einer eines und oder aber im ins am an auf aus bei mit nach von vor "
        + "zu zum zur fur uber unter um durch gegen ist sind war waren wird werden wurde wurden hat haben hatte sein sich "
        + "nicht auch als wie so dass es er sie wir ihr ich man noch nur schon mehr bis seit wenn was wer beim vom kein "
        + "keine dieser diese dieses ihre ihren seine neue",
        // French
        "le la les un une des du de et ou mais en dans sur sous par pour avec sans au aux ce cet cette ces qui que qu quoi "
        + "dont est sont ont ete etre fait il elle ils elles on nous vous je se sa son ses leur leurs pas ne plus lui tout "
        + "tous apres avant entre selon comme");

    public static bool Contains(ulong wordHash) => Hashes.Contains(wordHash);

    /// <summary>The hash under which a folded word is looked up here and shingled elsewhere.</summary>
    public static ulong HashOf(ReadOnlySpan<char> folded) => StoryHash.Of(StoryHash.WordKind, folded);

    private static HashSet<ulong> Build(params string[] lists)
    {
        var set = new HashSet<ulong>();
        foreach (var list in lists)
        {
            foreach (var word in list.Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(HashOf(word));
        }
        return set;
    }
}
