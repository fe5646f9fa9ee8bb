namespace Aggregator.Core.Stories;

/// <summary>
/// The tuned numbers of story matching, in one place. They were chosen on the real news feeds and the same-story
/// samples of the test suite (docs/STORIES.md); changing <see cref="Hashes"/>, <see cref="Rows"/> or the hash
/// family changes every stored key and needs a new <see cref="StoryPrint.ToBytes"/> version.
/// </summary>
internal static class StoryParameters
{
    /// <summary>MinHash functions in a signature (8 bits kept of each).</summary>
    public const int Hashes = 128;

    /// <summary>Rows per LSH band: three, so that a pair at the verification threshold is a candidate in at least 19 of 20 cases.</summary>
    public const int Rows = 3;

    /// <summary>
    /// Letters a spaced-language word is cut to before it becomes a shingle: a crude stemmer that works alike in every
    /// language (sanctions and sanction, Schwedens and Schweden, Reaktoren and Reaktor become one shingle). It lifted
    /// rewrites found from 33 to 41 of 50 at the same threshold, while no unrelated spaced-language pair of the news
    /// feeds came above 0.33 with or without it.
    /// </summary>
    public const int Stem = 6;

    /// <summary>Bands, one lookup key each; the last Hashes % Rows functions only verify.</summary>
    public const int Bands = Hashes / Rows;

    /// <summary>Estimated Jaccard similarity of the shingle sets from which two texts are the same story.</summary>
    public const double TextThreshold = 0.45;

    /// <summary>
    /// The same for texts mostly in Han/Kana: character pairs such as について or 令和 recur across unrelated texts,
    /// and government notices share a date-and-ministry preamble.
    /// </summary>
    public const double CjkTextThreshold = 0.65;

    /// <summary>Distinct shingles each text needs before it may match by text: short texts share too much by chance.</summary>
    public const int MinShingles = 10;

    /// <summary>Summary shingles read after the title: the lead carries the story; later sentences are what copies drop.</summary>
    public const int MaxSummaryShingles = 32;

    /// <summary>Informative title words (not stop words, not single letters) for a title to identify a story on its own.</summary>
    public const int MinTitleWords = 4;

    /// <summary>Han, Hiragana or Katakana characters for a title to identify a story on its own.</summary>
    public const int MinTitleCjk = 8;

    /// <summary>
    /// Title words kept in a print (to tell a template variant from a copy): the ones with the least hashes, so that two
    /// long titles keep comparable samples, as in a bottom-k sketch.
    /// </summary>
    public const int MaxTitleShingles = 48;

    /// <summary>
    /// Share of the larger title's shingles two titles must have in common for a two-sided difference between them
    /// to mark a template variant (one disaster designation against another) rather than a rewrite.
    /// </summary>
    public const double VariantOverlap = 0.7;

    /// <summary>Text similarity that confirms two items with one link are one story when neither title lies within the other.</summary>
    public const double LinkAgreement = 0.5;
}
