using Aggregator.Core.Text;

namespace Aggregator.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("Kraków", "krakow")]
    [InlineData("naïve", "naive")]
    [InlineData("Straße", "strasse")]
    [InlineData("STRAẞE", "strasse")]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Đoković", "dokovic")]
    [InlineData("Þór", "thor")]
    [InlineData("Æsir", "aesir")]
    [InlineData("œuvre", "oeuvre")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("ΣΟΦΟΣ", "σοφοσ")]
    [InlineData("Ｆｕｌｌ", "full")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("Москва", "москва")]
    public void Folds_case_and_diacritics(string text, string folded) =>
        TextAnalyzer.Analyze(text).ShouldHaveSingleItem().Term.ShouldBe(folded);

    [Fact]
    public void Words_are_runs_of_letters_and_digits_with_offsets_into_the_original()
    {
        const string text = "  Covid-19: U.S. troops' 2nd_wave — Kraków!";
        var words = TextAnalyzer.Analyze(text);
        words.Select(w => w.Term).ShouldBe(["covid", "19", "u", "s", "troops", "2nd", "wave", "krakow"]);
        foreach (var word in words)
            TextAnalyzer.Fold(text.Substring(word.Start, word.Length)).ShouldBe(word.Term);
        words[^1].Start.ShouldBe(text.IndexOf("Kraków", StringComparison.Ordinal));
        words[^1].Length.ShouldBe(6);
    }

    [Fact]
    public void Ascii_runs_and_other_letters_fold_the_same_inside_one_word()
    {
        var longWord = new string('Q', 150) + "é" + new string('z', 70);
        var words = TextAnalyzer.Analyze($"ABCé éABC a1B2Z9 x-Ünïcode {longWord}");
        words.Select(w => w.Term).ShouldBe(["abce", "eabc", "a1b2z9", "x", "unicode", new string('q', 150) + "e" + new string('z', 70)]);
        words.Select(w => w.Length).ShouldBe([4, 4, 6, 1, 7, longWord.Length]);
    }

    [Fact]
    public void Each_han_hiragana_or_katakana_character_is_a_word()
    {
        var words = TextAnalyzer.Analyze("東京都のニュースabc");
        words.Select(w => w.Term).ShouldBe(["東", "京", "都", "の", "ニ", "ュー", "ス", "abc"]);
        words.Select(w => w.Start).ShouldBe([0, 1, 2, 3, 4, 5, 7, 8]);
        words.Select(w => w.Length).ShouldBe([1, 1, 1, 1, 1, 2, 1, 3]);
    }

    [Fact]
    public void The_prolonged_sound_mark_belongs_to_the_word_before_it_and_the_middle_dot_separates()
    {
        TextAnalyzer.Analyze("コーヒー").Select(w => w.Term).ShouldBe(["コー", "ヒー"]);
        TextAnalyzer.Analyze("ｺｰﾋｰ").Select(w => w.Term).ShouldBe(["コー", "ヒー"], "half-width katakana is NFKC-folded to full width");
        TextAnalyzer.Analyze("ジョー・バイデン").Select(w => w.Term).ShouldBe(["シ", "ョー", "ハ", "イ", "テ", "ン"]);
        TextAnalyzer.Analyze("ｶﾞｽ").Select(w => w.Term).ShouldBe(TextAnalyzer.Analyze("ガス").Select(w => w.Term), "voiced marks are diacritics, full or half width");
    }

    [Theory]
    [InlineData("２０２６", "2026")]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("ﬁnance", "finance")]
    [InlineData("Straße", "strasse")]
    [InlineData("Øresund", "oresund")]
    [InlineData("Ⅱ", "ii")]
    [InlineData("Louis XIV Ⅱ", "louis xiv ii")]
    [InlineData("x²", "x2")]
    [InlineData("électriques", "electriques")]
    [InlineData("Ελλάδα", "ελλαδα")]
    [InlineData("ΟΔΟΣ", "οδοσ")]
    public void Text_is_nfkc_normalised_case_folded_and_diacritic_free(string text, string folded) =>
        TextAnalyzer.Fold(text).ShouldBe(folded);

    [Theory]
    [InlineData("in\u00ADformation", "information")]
    [InlineData("\u200BNorth Korea", "north korea")]
    [InlineData("Ukra\u200Dine", "ukraine")]
    public void Invisible_format_characters_never_split_a_word(string text, string folded) =>
        TextAnalyzer.Fold(text).ShouldBe(folded);

    [Fact]
    public void A_fraction_is_not_a_word() => TextAnalyzer.Fold("½ cup").ShouldBe("cup");

    [Fact]
    public void Hangul_and_other_scripts_form_ordinary_words()
    {
        TextAnalyzer.Analyze("서울 뉴스").Select(w => w.Term).ShouldBe(["서울", "뉴스"]);
    }

    [Fact]
    public void Supplementary_plane_letters_and_emoji()
    {
        var words = TextAnalyzer.Analyze("a😀b 𠀋x");
        words.Select(w => w.Term).ShouldBe(["a", "b", "𠀋", "x"]);
        words[2].Length.ShouldBe(2);
    }
}
