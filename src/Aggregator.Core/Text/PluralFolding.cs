namespace Aggregator.Core.Text;

/// <summary>
/// Folds English singular and plural to one stem, the same way for query and text, so that
/// border/borders, policy/policies, box/boxes and horse/horses meet. Deliberately small and
/// symmetric: it strips a plural ending, then a final "e", and turns a final "y" into "i".
/// Words of three letters or fewer, and a few words that only look plural, are left alone.
/// </summary>
internal static class PluralFolding
{
    private static readonly HashSet<string> Unchanged =
        new(StringComparer.Ordinal) { "news", "series", "species", "means", "always", "perhaps", "whereas", "this", "thus", "lens" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnchangedLookup =
        Unchanged.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Writes the stem of folded <paramref name="word"/> into <paramref name="destination"/> (at least as long) and returns its length.</summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        word.CopyTo(destination);
        var n = word.Length;
        if (n <= 3 || UnchangedLookup.Contains(word)) return n;
        if (destination[n - 1] == 's')
        {
            if (n > 4 && word.EndsWith("ies")) { n -= 3; destination[n++] = 'i'; }
            else if (n - 2 >= 3 && word.EndsWith("es")) n -= 2;
            else if (!word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is")) n--;
        }
        if (n > 3 && destination[n - 1] == 'e') n--;
        else if (n > 3 && destination[n - 1] == 'y') destination[n - 1] = 'i';
        return n;
    }

    public static string Stem(string word)
    {
        var buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var n = Stem(word, buffer);
        return new string(buffer[..n]);
    }
}
