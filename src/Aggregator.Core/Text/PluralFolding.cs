namespace Aggregator.Core.Text;

/// <summary>
/// Folds English singular and plural to one stem, the same way for query and text, so that
/// border/borders, policy/policies, box/boxes and horse/horses meet. Deliberately small and
/// symmetric: it strips a plural ending, then a final "e", and turns a final "y" into "i".
/// Words of three letters or fewer, and a few words that only look plural, are left alone.
/// </summary>
internal static class PluralFolding
{
    /// <summary>Writes the stem of folded <paramref name="word"/> into <paramref name="destination"/> (at least as long) and returns its length.</summary>
    public static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        word.CopyTo(destination);
        var n = word.Length;
        if (n <= 3 || IsUnchanged(word)) return n;
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

    /// <summary>Words that only look plural (all end in "s"; a switch on a span compiles to length and character tests).</summary>
    private static bool IsUnchanged(ReadOnlySpan<char> word) =>
        word[^1] == 's' && word is "news" or "series" or "species" or "means" or "always" or "perhaps" or "whereas" or "this" or "thus" or "lens";

    public static string Stem(string word)
    {
        var buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var n = Stem(word, buffer);
        return new string(buffer[..n]);
    }
}
