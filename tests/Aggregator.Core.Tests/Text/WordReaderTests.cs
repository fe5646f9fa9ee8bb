using Aggregator.Core.Text;

namespace Aggregator.Core.Tests.Text;

public sealed class WordReaderTests
{
    /// <summary>Pieces that meet at every offset of a 16-character block: ASCII, accents, marks, ideographs, surrogate pairs, separators.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "7", "word", "Troops", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "x1y2", " ", "  ", ",", "-", "'", ".", "\n", "_",
        "é", "Kraków", "ß", "Ł", "e\u0301", "\u0301", "東京", "ニュース", "😀", "𠀋", "—", "\u00A0", "Ｆｕｌｌ", "ﬁ", "σοφοσ",
    ];

    [Fact]
    public void Reading_sixteen_characters_at_a_time_gives_the_same_words_as_reading_one_by_one()
    {
        var random = new Random(20261127);
        var vector = new WordReader();
        var scalar = new WordReader(vectors: false);
        for (var round = 0; round < 20_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            Words(vector, text).ShouldBe(Words(scalar, text), text);
        }
    }

    private static List<(string Folded, int Start, int Length)> Words(WordReader reader, string text)
    {
        var words = new List<(string, int, int)>();
        reader.Reset(text);
        while (reader.Next()) words.Add((new string(reader.Folded), reader.Start, reader.Length));
        return words;
    }
}
