using System.Globalization;
using System.Text;

namespace Aggregator.Core.Text;

/// <summary>
/// Classifies characters and folds them for matching: compatibility decomposition, marks dropped,
/// invariant lower case, and the letters that have no decomposition (ø, ł, đ, ß...) mapped by hand.
/// Results are computed once per character and cached in tables shared by every thread.
/// </summary>
internal static class CharFolding
{
    private static readonly CharKind[] Kinds = new CharKind[65536];
    private static readonly string?[] Folds = new string?[65536];

    public static CharKind KindOf(char c)
    {
        var kind = Kinds[c];
        if (kind != CharKind.Unknown) return kind;
        Compute(c);
        return Kinds[c];
    }

    /// <summary>The folded form of a word or ideograph character (may be empty or longer than one char).</summary>
    public static string FoldOf(char c)
    {
        var fold = Folds[c];
        if (fold is not null) return fold;
        Compute(c);
        return Folds[c]!;
    }

    /// <summary>Han, Hiragana and Katakana characters: each is a word of its own.</summary>
    public static bool IsIdeograph(int codePoint) =>
        codePoint is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x3041 and <= 0x3096) or 0x309D or 0x309E or 0x309F or (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF)
            or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9D) or 0x3005 or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>Katakana's prolonged sound mark (full and half width): it belongs to the word before it.</summary>
    public static bool IsProlongedSoundMark(char c) => c is '\u30FC' or '\uFF70';

    /// <summary>Folds a string of word characters the slow way (used for supplementary-plane letters).</summary>
    public static string FoldSlow(string s)
    {
        var decomposed = s.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var ch = decomposed[i];
            if (char.IsSurrogate(ch))
            {
                sb.Append(ch);
                continue;
            }
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark) continue;
            if (!char.IsLetterOrDigit(ch)) continue;
            AppendSpecial(sb, char.ToLowerInvariant(ch));
        }
        // Recompose what decomposition split without marks, such as Hangul syllables into jamo.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void Compute(char c)
    {
        CharKind kind;
        if (char.IsSurrogate(c)) kind = CharKind.Separator;
        else if (IsIdeograph(c)) kind = CharKind.Ideograph;
        // Half-width voiced sound marks (letters to Unicode) decompose to combining marks: diacritics, like the full-width ones.
        else if (c is '\uFF9E' or '\uFF9F') kind = CharKind.Mark;
        else if (char.IsLetterOrDigit(c) || IsCompatibilityWord(c)) kind = CharKind.Word;
        else
        {
            kind = char.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark => CharKind.Mark,
                // Invisible format characters (soft hyphen, zero-width space and joiners) never split a word.
                UnicodeCategory.Format => CharKind.Mark,
                _ => CharKind.Separator,
            };
        }
        var fold = kind is CharKind.Word or CharKind.Ideograph ? FoldSlow(c.ToString()) : string.Empty;
        if (fold.Length == 0 && kind is CharKind.Word or CharKind.Ideograph) fold = char.ToLowerInvariant(c).ToString();
        Folds[c] = fold;
        Kinds[c] = kind;
    }

    /// <summary>
    /// A number or symbol whose compatibility form is letters and digits only (Ⅱ is ii, ² is 2, ① is 1): NFKC makes
    /// it part of a word. ½ is not (its form holds a fraction slash).
    /// </summary>
    private static bool IsCompatibilityWord(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        if (decomposed.Length == 1 && decomposed[0] == c) return false;
        var letters = false;
        foreach (var d in decomposed)
        {
            if (char.IsLetterOrDigit(d)) letters = true;
            else if (char.GetUnicodeCategory(d) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark)) return false;
        }
        return letters;
    }

    private static void AppendSpecial(StringBuilder sb, char c)
    {
        switch (c)
        {
            case 'ß': sb.Append("ss"); break;
            case 'ø': sb.Append('o'); break;
            case 'ł' or 'ŀ': sb.Append('l'); break;
            case 'đ' or 'ð': sb.Append('d'); break;
            case 'þ': sb.Append("th"); break;
            case 'æ': sb.Append("ae"); break;
            case 'œ': sb.Append("oe"); break;
            case 'ħ': sb.Append('h'); break;
            case 'ı': sb.Append('i'); break;
            case 'ŧ': sb.Append('t'); break;
            case 'ƒ': sb.Append('f'); break;
            case 'ς': sb.Append('σ'); break;
            default: sb.Append(c); break;
        }
    }
}
