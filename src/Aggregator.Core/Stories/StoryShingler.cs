using Aggregator.Core.Text;

namespace Aggregator.Core.Stories;

/// <summary>
/// Turns a title and a summary into shingle hashes without allocating per word: each informative word of a
/// spaced language (not a stop word, not a single letter) is a shingle, and in Chinese or Japanese, where words are
/// not spaced, each pair of adjacent Han/Kana characters is one. Words are folded by the project's
/// <see cref="WordReader"/>, so case, diacritics and punctuation never make two copies differ.
/// One instance per thread, reused.
/// </summary>
internal sealed class StoryShingler
{
    private static readonly string[] PublisherSeparators = [" - ", " – ", " — ", " | ", " · ", " :: "];

    [ThreadStatic]
    private static StoryShingler? _current;

    private readonly WordReader _reader = new();
    private ulong[] _shingles = new ulong[128];
    private ulong[] _titleWords = new ulong[32];
    private ulong _previousCjk;
    private int _previousCjkEnd;
    private int _cjkRun;

    public static StoryShingler Current => _current ??= new StoryShingler();

    /// <summary>Shingles read since <see cref="Clear"/>, duplicates included until <see cref="SortDistinct"/>.</summary>
    public int Count { get; private set; }

    public Span<ulong> Shingles => _shingles.AsSpan(0, Count);

    /// <summary>
    /// The last title's informative words, Han/Kana characters one by one: a set that word order and the pairing of
    /// characters do not change, to tell a reordered title from one with other words in it.
    /// </summary>
    public ReadOnlySpan<ulong> TitleWordHashes => _titleWords.AsSpan(0, TitleWords + TitleCjk);

    /// <summary>Informative spaced-language words of the last title read.</summary>
    public int TitleWords { get; private set; }

    /// <summary>Han/Kana characters of the last title read.</summary>
    public int TitleCjk { get; private set; }

    /// <summary>Hash of the last title's folded words, space separated: the normalised title.</summary>
    public ulong TitleHash { get; private set; }

    /// <summary>Shingles emitted since <see cref="Clear"/>, and how many of them were Han/Kana.</summary>
    public int Emitted { get; private set; }

    public int CjkShingles { get; private set; }

    public void Clear()
    {
        Count = 0;
        Emitted = 0;
        CjkShingles = 0;
    }

    /// <summary>
    /// The title without a trailing publisher name: "Quake hits Kumamoto again - Reuters" and the same title
    /// elsewhere are one title. A short tail (one to four words such as "The New York Times", or up to eight Han/Kana
    /// characters such as 共同通信) after a spaced dash or bar is cut. What is left must be informative on its own
    /// to make a title key, so "Your Tuesday Briefing - The New York Times" makes none, and neither does
    /// "Schweden: Atomkraft - ja, bitte" (a loss of recall only: its text still counts).
    /// </summary>
    public string WithoutPublisher(string title)
    {
        var cut = -1;
        var width = 0;
        foreach (var separator in PublisherSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > cut)
            {
                cut = at;
                width = separator.Length;
            }
        }
        if (cut <= 0) return title;
        var (tailWords, tailCjk) = CountWords(title, cut + width, title.Length);
        var (headWords, headCjk) = CountWords(title, 0, cut);
        var shortTail = tailWords + tailCjk > 0 && tailWords <= 4 && tailCjk <= 8;
        return shortTail && headWords + headCjk > 0 ? title[..cut] : title;
    }

    /// <summary>Reads a title (already without its publisher): shingles plus the normalised-title hash and counts.</summary>
    public void ReadTitle(string title)
    {
        TitleWords = 0;
        TitleCjk = 0;
        var hash = StoryHash.Add(StoryHash.Start, StoryHash.TitleKind);
        _reader.Reset(title);
        BeginRun();
        while (_reader.Next())
        {
            var folded = _reader.Folded;
            if (folded.Length == 0) continue;
            hash = StoryHash.Add(StoryHash.Add(hash, folded), ' ');
            var kind = Take(title, folded);
            if (kind == WordKind.Other) continue;
            if (TitleWords + TitleCjk == _titleWords.Length) Array.Resize(ref _titleWords, _titleWords.Length * 2);
            // Bit 48 (the low bit of the 16 kept) marks a distinctive word: a number or a Han/Kana character.
            var word = StopWords.HashOf(folded) & ~(1UL << 48);
            if (kind == WordKind.Cjk || folded.ContainsAnyInRange('0', '9')) word |= 1UL << 48;
            _titleWords[TitleWords + TitleCjk] = word;
            if (kind == WordKind.Cjk) TitleCjk++;
            else TitleWords++;
        }
        EndRun();
        TitleHash = StoryHash.Mix(hash);
    }

    /// <summary>Reads up to <paramref name="maxShingles"/> shingles of a summary.</summary>
    public void ReadText(string? text, int maxShingles)
    {
        if (string.IsNullOrEmpty(text)) return;
        var limit = Count + maxShingles;
        _reader.Reset(text);
        BeginRun();
        while (Count < limit && _reader.Next())
        {
            var folded = _reader.Folded;
            if (folded.Length != 0) Take(text, folded);
        }
        EndRun();
        if (Count > limit) Count = limit;
    }

    /// <summary>Sorts the shingles and drops repeats; returns the distinct count.</summary>
    public int SortDistinct(int from)
    {
        var span = _shingles.AsSpan(from, Count - from);
        span.Sort();
        var n = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (n == 0 || span[i] != span[n - 1]) span[n++] = span[i];
        }
        Count = from + n;
        return n;
    }

    private WordKind Take(string text, ReadOnlySpan<char> folded)
    {
        var start = _reader.Start;
        var hash = StopWords.HashOf(folded);
        if (IsCjk(text, start))
        {
            if (_cjkRun > 0 && _previousCjkEnd == start)
            {
                Emit(StoryHash.Mix((_previousCjk * 31) ^ hash ^ StoryHash.PairKind));
                CjkShingles++;
            }
            else EndRun();
            _cjkRun++;
            _previousCjk = hash;
            _previousCjkEnd = start + _reader.Length;
            return WordKind.Cjk;
        }
        EndRun();
        if ((folded.Length == 1 && !char.IsAsciiDigit(folded[0])) || StopWords.Contains(hash)) return WordKind.Other;
        Emit(folded.Length > StoryParameters.Stem ? StopWords.HashOf(folded[..StoryParameters.Stem]) : hash);
        return WordKind.Informative;
    }

    private void BeginRun() => _cjkRun = 0;

    /// <summary>A Han/Kana character standing alone is a shingle by itself; in a run, its pairs are.</summary>
    private void EndRun()
    {
        if (_cjkRun == 1)
        {
            Emit(_previousCjk);
            CjkShingles++;
        }
        _cjkRun = 0;
    }

    private static bool IsCjk(string text, int start)
    {
        var c = text[start];
        if (char.IsHighSurrogate(c)) return start + 1 < text.Length && CharFolding.IsIdeograph(char.ConvertToUtf32(c, text[start + 1]));
        return CharFolding.KindOf(c) == CharKind.Ideograph;
    }

    private void Emit(ulong shingle)
    {
        if (Count == _shingles.Length) Array.Resize(ref _shingles, _shingles.Length * 2);
        _shingles[Count++] = shingle;
        Emitted++;
    }

    /// <summary>Words between two offsets: spaced-language words, and Han/Kana characters counted apart.</summary>
    private (int Words, int Cjk) CountWords(string text, int from, int to)
    {
        _reader.Reset(text);
        int words = 0, cjk = 0;
        while (_reader.Next())
        {
            if (_reader.Start >= to) break;
            if (_reader.Start < from) continue;
            if (IsCjk(text, _reader.Start)) cjk++;
            else words++;
        }
        return (words, cjk);
    }

    private enum WordKind
    {
        Other,
        Informative,
        Cjk,
    }
}
