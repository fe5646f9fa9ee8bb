using System.Diagnostics.CodeAnalysis;

namespace Aggregator.Storage;

/// <summary>
/// Text as both stores keep it: a NUL or an unpaired UTF-16 surrogate becomes U+FFFD. PostgreSQL refuses
/// NUL in text and Npgsql cannot encode a lone surrogate, and a feed can carry either (a JSON Feed id
/// <c>"a\u0000b"</c>); SQLite applies the same rule, so both stores keep, and so recognise, the same key.
/// Outbox payloads need nothing: their JSON escapes NUL and writes U+FFFD for a lone surrogate.
/// </summary>
internal static class StoredText
{
    private const char Replacement = '\uFFFD';

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text)
    {
        if (text is null || FirstInvalid(text) is not (>= 0 and var first)) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan().CopyTo(span);
            for (var i = start; i < span.Length; i++)
            {
                if (IsPair(span, i)) i++;
                else if (span[i] == '\0' || char.IsSurrogate(span[i])) span[i] = Replacement;
            }
        });
    }

    /// <summary>
    /// The distinct stored forms of <paramref name="keys"/>, each with the caller's keys it stands for, so
    /// a store answers in the caller's terms whatever it had to replace.
    /// </summary>
    public static ILookup<string, string> ByStoredForm(IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.Ordinal).ToLookup(k => Clean(k), StringComparer.Ordinal);

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) i++;
            else if (text[i] == '\0' || char.IsSurrogate(text[i])) return i;
        }
        return -1;
    }

    private static bool IsPair(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
