using System.Globalization;
using System.Text;
using Aggregator.Core.Items;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// Deterministic news-like items and rules from a seeded <see cref="Random"/>: a vocabulary of common
/// English news words followed by 100,000 made-up names and terms, drawn with a Zipf-like skew so
/// items are dominated by common words while rules watch mostly specific ones, as alert rules do.
/// </summary>
internal sealed class NewsCorpus
{
    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "is", "with", "was", "by", "at", "as",
        "it", "from", "has", "have", "will", "be", "are", "after", "its", "an", "not", "but", "over", "new",
        "government", "minister", "president", "people", "year", "years", "police", "officials", "state", "country",
        "week", "report", "city", "border", "troops", "talks", "election", "vote", "market", "prices", "company",
        "court", "law", "health", "security", "attack", "war", "peace", "economy", "bank", "rates", "oil", "energy",
        "climate", "storm", "flood", "fire", "deal", "trade", "talks", "leaders", "party", "crisis", "support",
        "million", "billion", "percent", "first", "last", "two", "three", "more", "than", "about", "into", "could",
        "would", "also", "which", "were", "they", "their", "this", "been", "who", "one", "up", "out", "when",
        "Kraków", "São", "Paulo", "Zürich", "Malmö", "Gdańsk", "Québec", "naïve", "café", "Straße", "Ørsted",
        "policy", "policies", "box", "boxes", "ministry", "agency", "forces", "army", "navy", "ships", "harbour",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "ren", "vi", "dor", "mal", "sen", "ta", "ri", "bel", "mon", "za", "tor", "nik", "sa", "ve",
        "lan", "gro", "pel", "dan", "qui", "ostr", "mer", "fa", "lin", "bra", "cu", "hel", "ton", "ask", "ur", "ei",
    ];

    private static readonly string[] Categories =
    [
        "World", "Europe", "Asia", "Africa", "Americas", "Politics", "Business", "Markets", "Technology", "Science",
        "Health", "Climate", "Sport", "Culture", "Opinion", "Defence", "Energy", "Economy", "Law", "Travel",
    ];

    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public NewsCorpus(int seed = 42)
    {
        var random = new Random(seed);
        var words = new List<string>(Common.Distinct());
        var seen = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        while (words.Count < 100_000 + Common.Length)
        {
            var sb = new StringBuilder();
            for (var n = random.Next(2, 5); n > 0; n--) sb.Append(Syllables[random.Next(Syllables.Length)]);
            var word = sb.ToString();
            if (seen.Add(word)) words.Add(random.Next(4) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }
        _vocabulary = [.. words];
        _cumulative = new double[_vocabulary.Length];
        var total = 0.0;
        for (var rank = 0; rank < _vocabulary.Length; rank++) _cumulative[rank] = total += 1.0 / (rank + 1);
    }

    public int VocabularySize => _vocabulary.Length;

    public string Word(int rank) => _vocabulary[rank];

    public string DrawWord(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _vocabulary[i < 0 ? ~i : i];
    }

    public List<FeedItem> Items(int count, int seed = 1)
    {
        var random = new Random(seed);
        var items = new List<FeedItem>(count);
        for (var i = 0; i < count; i++)
        {
            var title = Sentence(random, random.Next(6, 13), period: false);
            var summary = Paragraph(random, random.Next(20, 41));
            var content = Paragraph(random, random.Next(40, 121));
            var categories = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Categories[random.Next(Categories.Length)]).ToArray();
            var author = Sentence(random, 2, period: false);
            var key = i.ToString(CultureInfo.InvariantCulture);
            items.Add(new FeedItem(key, key, title, $"https://news.example.org/{key}", null, null, summary, content, [author], categories));
        }
        return items;
    }

    private string Paragraph(Random random, int words)
    {
        var sb = new StringBuilder();
        while (words > 0)
        {
            var n = Math.Min(words, random.Next(6, 18));
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Sentence(random, n, period: true));
            words -= n;
        }
        return sb.ToString();
    }

    private string Sentence(Random random, int words, bool period)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = DrawWord(random);
            if (i == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
            if (i > 0) sb.Append(random.Next(12) == 0 ? ", " : " ");
            sb.Append(word);
        }
        if (period) sb.Append('.');
        return sb.ToString();
    }
}
