using System.Globalization;
using Aggregator.Core.Text;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Finds literal words a regex cannot match without, so the index runs it only on items containing one.
/// Conservative: each top-level alternative must contain a run of letters that is certain to start a word
/// (after <c>\b</c>, <c>^</c>, <c>\s</c>, <c>\W</c> or a literal non-word character), or a Han/kana character;
/// anything unsure (groups, classes, quantifiers that allow zero, inline <c>x</c> option) contributes nothing.
/// </summary>
internal static class RegexPrefilter
{
    /// <summary>One literal per top-level alternative, or null when some alternative has none.</summary>
    public static IReadOnlyList<RegexLiteral>? RequiredLiterals(string pattern)
    {
        if (HasFreeSpacingOption(pattern)) return null;
        var result = new List<RegexLiteral>();
        foreach (var branch in TopLevelBranches(pattern))
        {
            var best = BestLiteral(branch);
            if (best is null) return null;
            if (!result.Contains(best.Value)) result.Add(best.Value);
        }
        return result;
    }

    private static RegexLiteral? BestLiteral(string p)
    {
        RegexLiteral? best = null;
        var atWordStart = false;
        var i = 0;
        while (i < p.Length)
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length)
            {
                var e = p[i + 1];
                var boundary = e is 'b' or 's' or 'W' || (!char.IsLetterOrDigit(e) && !IsMark(e));
                i = SkipEscape(p, i);
                atWordStart = boundary && !OptionalQuantifierAt(p, i);
                i = SkipQuantifier(p, i);
            }
            else if (char.IsLetterOrDigit(c))
            {
                var j = i;
                while (j < p.Length && char.IsLetterOrDigit(p[j])) j++;
                var run = OptionalQuantifierAt(p, j) ? p[i..(j - 1)] : p[i..j];
                Consider(run, atWordStart, ref best);
                atWordStart = false;
                i = SkipQuantifier(p, j);
            }
            else if (c == '(' || c == '[')
            {
                i = SkipQuantifier(p, SkipGroup(p, i));
                atWordStart = false;
            }
            else if (c == '^') { atWordStart = true; i++; }
            else if (c is '.' or '$' or '*' or '+' or '?' or '{' or '|' or ')')
            {
                atWordStart = false;
                i = c == '{' ? SkipQuantifier(p, i) : i + 1;
            }
            else
            {
                i++;
                atWordStart = !IsMark(c) && !char.IsSurrogate(c) && !OptionalQuantifierAt(p, i);
                i = SkipQuantifier(p, i);
            }
        }
        return best;
    }

    /// <summary>
    /// Words of a letter run after the first always start a text word (only a Han/kana character splits a
    /// run); the first does when it is an ideograph or follows a word boundary.
    /// </summary>
    private static void Consider(string run, bool atWordStart, ref RegexLiteral? best)
    {
        var words = TextAnalyzer.Analyze(run);
        for (var i = 0; i < words.Count; i++)
        {
            var ideograph = CharFolding.IsIdeograph(char.ConvertToUtf32(run, words[i].Start));
            if (i == 0 && !ideograph && !atWordStart) continue;
            RegexLiteral literal = new(IsPrefix: !ideograph, words[i].Term);
            if (best is null || literal.Key.Length > best.Value.Key.Length) best = literal;
        }
    }

    private static bool OptionalQuantifierAt(string p, int i) =>
        i < p.Length && (p[i] is '*' or '?' || (p[i] == '{' && i + 1 < p.Length && p[i + 1] is '0' or ','));

    private static int SkipQuantifier(string p, int i)
    {
        while (i < p.Length && p[i] is '*' or '+' or '?' or '{')
        {
            if (p[i] != '{') { i++; continue; }
            var close = p.IndexOf('}', i);
            i = close < 0 ? p.Length : close + 1;
        }
        return i;
    }

    private static int SkipEscape(string p, int i)
    {
        var e = p[i + 1];
        i += 2;
        switch (e)
        {
            case 'p' or 'P' when i < p.Length && p[i] == '{':
                var close = p.IndexOf('}', i);
                return close < 0 ? p.Length : close + 1;
            case 'k' when i < p.Length && p[i] is '<' or '\'':
                var end = p.IndexOfAny(['>', '\''], i + 1);
                return end < 0 ? p.Length : end + 1;
            case 'x': return Math.Min(p.Length, i + 2);
            case 'u': return Math.Min(p.Length, i + 4);
            case 'c': return Math.Min(p.Length, i + 1);
            case >= '0' and <= '9':
                while (i < p.Length && char.IsAsciiDigit(p[i])) i++;
                return i;
            default: return i;
        }
    }

    /// <summary>Skips a group "( ... )" or a class "[ ... ]" starting at <paramref name="i"/>, nesting and escapes included.</summary>
    private static int SkipGroup(string p, int i)
    {
        var depth = 0;
        var inClass = false;
        for (; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') { inClass = false; if (depth == 0) return i + 1; } continue; }
            if (c == '[')
            {
                inClass = true;
                if (i + 1 < p.Length && p[i + 1] == '^') i++;
                if (i + 1 < p.Length && p[i + 1] == ']') i++;
            }
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        return p.Length;
    }

    private static List<string> TopLevelBranches(string p)
    {
        var branches = new List<string>();
        var start = 0;
        var i = 0;
        while (i < p.Length)
        {
            var c = p[i];
            if (c == '\\') { i += 2; continue; }
            if (c is '(' or '[') { i = SkipGroup(p, i); continue; }
            if (c == '|') { branches.Add(p[start..i]); start = i + 1; }
            i++;
        }
        branches.Add(p[start..]);
        return branches;
    }

    private static bool HasFreeSpacingOption(string p)
    {
        for (var i = p.IndexOf("(?", StringComparison.Ordinal); i >= 0; i = p.IndexOf("(?", i + 2, StringComparison.Ordinal))
        {
            for (var j = i + 2; j < p.Length && (char.IsAsciiLetter(p[j]) || p[j] == '-'); j++)
                if (p[j] == 'x') return true;
        }
        return false;
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
