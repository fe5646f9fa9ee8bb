namespace Aggregator.Core.Text;

/// <summary>
/// The English singular and plural forms of a folded query word, so that a bare word matches
/// border/borders, policy/policies, box/boxes, refugee/refugees, knife/knives, crisis/crises and
/// child/children, and never a different word that merely shares letters (car/care, new/news).
/// Item text is not inflected: its words are compared as they are with these forms.
/// <para>
/// What it knows: the regular suffix rules below, in both directions (a query word may be either
/// number); the irregular nouns, Latin and Greek plurals and f/fe → ves nouns of
/// <see cref="InflectionTables.Irregular"/>; the words that stand as they are
/// (<see cref="InflectionTables.Invariable"/>: uncountables such as news, series, species, and
/// function words ending in s such as this, was, always); and singular nouns and names ending in s
/// (<see cref="InflectionTables.SingularInS"/>: Paris, Hamas, ISIS, gas, bias). Words of one or two
/// letters take no forms beyond those tables; numbers take an s (1990s). Words that are not English
/// follow the same rules (irans → iran).
/// </para>
/// <para>
/// Generated forms that are not words are harmless (nothing in a text matches them); the rules err
/// that way rather than towards a real word of another meaning. A common inflector library was not
/// used: it conflates cafe/caves, safe/saves, taxes/taxis and new/news, and applying its regular
/// expressions costs ~19 us a word, which 10,000 rules pay at every reload.
/// </para>
/// </summary>
public static class Inflection
{
    /// <summary>Shortest singular a plural rule may produce: "us" is not the plural of "u".</summary>
    private const int MinStem = 3;

    /// <summary>The forms of a folded word, the word itself first, without repeats.</summary>
    public static IReadOnlyList<string> FormsOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (InflectionTables.Invariable.Contains(word)) return [word];
        if (InflectionTables.Irregular.TryGetValue(word, out var group)) return WithFirst(word, group);
        if (IsNumber(word, out var number)) return number is null ? [word, word + "s"] : [word, number];
        if (word.Length <= 2) return [word];

        var forms = new List<string>(4) { word };
        if (InflectionTables.SingularInS.TryGetValue(word, out var plural))
        {
            if (plural is not null) forms.Add(plural);
            return forms;
        }
        var singulars = word[^1] == 's' ? Singulars(word) : [];
        // gunmen → gunman; specimen, Yemen give a stem that is not a word.
        if (word.Length >= 5 && word.EndsWith("men", StringComparison.Ordinal)) Add(forms, word[..^3] + "man");
        foreach (var singular in singulars) Add(forms, singular);
        // A word that can be read as a plural is not pluralised again, unless its ending is as often singular.
        if (singulars.Count == 0 || EndsInSingularS(word)) foreach (var p in Plurals(word)) Add(forms, p);
        return forms;
    }

    /// <summary>Digits, or digits and an s (1990s, F-16s): <paramref name="number"/> is then the digits.</summary>
    private static bool IsNumber(string word, out string? number)
    {
        number = null;
        var digits = word[^1] == 's' ? word.Length - 1 : word.Length;
        if (digits == 0) return false;
        for (var i = 0; i < digits; i++)
            if (!char.IsAsciiDigit(word[i])) return false;
        if (digits < word.Length) number = word[..digits];
        return true;
    }

    private static List<string> WithFirst(string word, string[] group)
    {
        var forms = new List<string>(group.Length) { word };
        foreach (var form in group) Add(forms, form);
        return forms;
    }

    /// <summary>Adds a generated form unless it is already there or is a word that stands on its own (new → news is not a plural).</summary>
    private static void Add(List<string> forms, string form)
    {
        if (form.Length == 0 || forms.Contains(form) || InflectionTables.Invariable.Contains(form)) return;
        forms.Add(form);
    }

    /// <summary>Endings after which a final s is as likely part of a singular (boss, bonus, tennis) as a plural.</summary>
    private static bool EndsInSingularS(string word) =>
        word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
        || word.EndsWith("is", StringComparison.Ordinal);

    /// <summary>What <paramref name="word"/> (ending in s) is the plural of, by the regular rules.</summary>
    private static List<string> Singulars(string word)
    {
        var result = new List<string>(2);
        var n = word.Length;
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)) return result;
        if (InflectionTables.PluralOfSingularInS.TryGetValue(word, out var known))
        {
            result.Add(known);
            return result;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            // policies → policy, cookies → cookie; ties, lies, dies → tie, lie, die.
            if (n > 4) result.Add(word[..^3] + "y");
            result.Add(word[..^1]);
        }
        else if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("zzes", StringComparison.Ordinal)
            || word.EndsWith("tzes", StringComparison.Ordinal))
        {
            result.Add(word[..^2]);
        }
        else if (word.EndsWith("ches", StringComparison.Ordinal))
        {
            result.Add(InflectionTables.NounsInChe.Contains(word[..^1]) ? word[..^1] : word[..^2]);
        }
        else if (word.EndsWith("uses", StringComparison.Ordinal))
        {
            // causes → cause, bonuses → bonus: both readings, neither a word of another meaning.
            result.Add(word[..^1]);
            if (n - 2 >= MinStem) result.Add(word[..^2]);
        }
        else if (word.EndsWith("oes", StringComparison.Ordinal))
        {
            // heroes → hero, shoes → shoe.
            if (n - 2 >= MinStem) result.Add(word[..^2]);
            result.Add(word[..^1]);
        }
        else if (word.EndsWith("is", StringComparison.Ordinal))
        {
            // Israelis → israeli, taxis → taxi; crisis, tennis and the like give a stem that is not a word.
            if (n - 1 >= MinStem) result.Add(word[..^1]);
        }
        else
        {
            // borders → border, militias → militia; singular -as words (bias, Texas) are in the tables.
            result.Add(word[..^1]);
        }
        result.RemoveAll(s => s.Length < MinStem);
        return result;
    }

    /// <summary>The regular plurals of <paramref name="word"/> read as a singular.</summary>
    private static IEnumerable<string> Plurals(string word)
    {
        var n = word.Length;
        var last = word[^1];
        var before = word[^2];
        if (word.EndsWith("man", StringComparison.Ordinal) && n >= 5)
        {
            // chairman → chairmen, gunman → gunmen; German → Germans, human → humans.
            yield return word[..^3] + "men";
            yield return word + "s";
        }
        else if (word.EndsWith("sis", StringComparison.Ordinal))
        {
            yield return word[..^2] + "es";
        }
        else if (word.EndsWith("ch", StringComparison.Ordinal))
        {
            // churches, and monarchs, stomachs (and the German genitive: Österreichs).
            yield return word + "es";
            yield return word + "s";
        }
        else if (last is 's' or 'x' or 'z' || word.EndsWith("sh", StringComparison.Ordinal))
        {
            yield return word + "es";
        }
        else if (last == 'y' && !IsVowel(before))
        {
            yield return word[..^1] + "ies";
        }
        else if (last == 'o' && !IsVowel(before))
        {
            // photos and heroes alike: both spellings, the wrong one is not a word.
            yield return word + "s";
            yield return word + "es";
        }
        else
        {
            yield return word + "s";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
