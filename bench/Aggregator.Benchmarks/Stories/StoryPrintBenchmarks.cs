using Aggregator.Core.Stories;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks.Stories;

/// <summary>
/// The per-item cost of same-story checks: one <see cref="StoryPrint.Of"/> for each new item, then one
/// <see cref="StoryComparer.Compare"/> per candidate the lookup keys return, and reading a stored print back.
/// The items are real feed items (the Guardian, tagesschau, the Japanese government) of typical length.
/// </summary>
[MemoryDiagnoser]
public class StoryPrintBenchmarks
{
    private const string EnglishTitle = "Traffickers exploiting young refugees in French camps, says Unicef";
    private const string EnglishLink = "https://www.theguardian.com/world/2016/jun/14/traffickers-exploiting-young-refugees-french-camps-unicef?utm_source=rss";
    private const string EnglishSummary = "Report says children have been subjected to sexual violence, and open letter calls on UK to act more "
        + "quickly Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit crimes by "
        + "traffickers, according to a Unicef report. The document, which draws on six months of interviews and is due to be "
        + "published on Wednesday, found that children were being forced into sex work and petty crime.";

    private const string GermanTitle = "Vorerst keine neuen Friedensgespräche zwischen Iran und USA";
    private const string GermanLink = "https://www.tagesschau.de/ausland/asien/islamabad-iran-gespraeche-100.html";
    private const string GermanSummary = "Im Iran-Krieg gibt es vorerst keine weiteren Gespräche zwischen den USA und Vertretern aus Teheran. "
        + "Der iranische Außenminister Araghtschi verließ Islamabad, bevor US-Vertreter anreisen konnten. Trump änderte seine Pläne.";

    private const string JapaneseTitle = "令和8年熊本地震における船舶活用医療の実施について";
    private const string JapaneseLink = "https://www.bousai.go.jp/index.html";
    private const string JapaneseSummary = "2026年8月5日 内閣府 令和8年熊本地震における船舶活用医療の実施について";

    private StoryPrint _earlier = null!;
    private StoryPrint _later = null!;
    private StoryPrint _unrelated = null!;
    private byte[] _stored = [];
    private (string Title, string Link, string Summary) _english = (EnglishTitle, EnglishLink, EnglishSummary);
    private (string Title, string Link, string Summary) _german = (GermanTitle, GermanLink, GermanSummary);
    private (string Title, string Link, string Summary) _japanese = (JapaneseTitle, JapaneseLink, JapaneseSummary);

    [GlobalSetup]
    public void Setup()
    {
        _earlier = StoryPrint.Of(EnglishTitle, EnglishLink, EnglishSummary);
        _later = StoryPrint.Of("Unicef: traffickers exploit young refugees in French camps - Reuters", "https://wire.example.com/unicef", EnglishSummary);
        _unrelated = StoryPrint.Of(GermanTitle, GermanLink, GermanSummary);
        _stored = _earlier.ToBytes();
    }

    [Benchmark(Baseline = true, Description = "Of: English item (title + 70-word summary)")]
    public StoryPrint OfEnglish() => StoryPrint.Of(_english.Title, _english.Link, _english.Summary);

    [Benchmark(Description = "Of: German item")]
    public StoryPrint OfGerman() => StoryPrint.Of(_german.Title, _german.Link, _german.Summary);

    [Benchmark(Description = "Of: Japanese item")]
    public StoryPrint OfJapanese() => StoryPrint.Of(_japanese.Title, _japanese.Link, _japanese.Summary);

    [Benchmark(Description = "Compare: same story by text")]
    public StoryMatch CompareSame() => StoryComparer.Compare(_earlier, _later);

    [Benchmark(Description = "Compare: different stories")]
    public StoryMatch CompareDifferent() => StoryComparer.Compare(_earlier, _unrelated);

    [Benchmark(Description = "FromBytes: a stored print")]
    public StoryPrint FromBytes() => StoryPrint.FromBytes(_stored);
}
