namespace Aggregator.Core.Text;

/// <summary>
/// The single analyser used for queries and item text: words are runs of letters and digits, each
/// Han/Hiragana/Katakana character is a word, and words are compared after case and diacritic folding
/// (Café = cafe, ß = ss, ø = o). Bare query words are matched in their English forms (<see cref="Inflection"/>).
/// </summary>
public static class TextAnalyzer
{
    /// <summary>The words of <paramref name="text"/>, folded, with offsets into the original text.</summary>
    public static IReadOnlyList<AnalyzedWord> Analyze(string? text)
    {
        var reader = new WordReader();
        reader.Reset(text);
        var words = new List<AnalyzedWord>();
        while (reader.Next()) words.Add(new AnalyzedWord(new string(reader.Folded), reader.Start, reader.Length));
        return words;
    }

    /// <summary>Case- and diacritic-folds a text, keeping only its words, separated by single spaces.</summary>
    public static string Fold(string? text) => string.Join(' ', Analyze(text).Select(w => w.Term));
}
