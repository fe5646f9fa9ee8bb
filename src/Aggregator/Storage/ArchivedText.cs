using System.IO.Compression;
using System.Text.Json;

namespace Aggregator.Storage;

/// <summary>
/// An archived item's summary and content as the archive keeps them: at most <see cref="MaxChars"/> characters together
/// (the summary first), as a JSON pair deflated. Content equal to the summary (common in RSS) is kept once.
/// </summary>
internal static class ArchivedText
{
    public const int MaxChars = 4096;

    public static byte[] Compress(string summary, string content)
    {
        var s = Cap(summary, MaxChars);
        string? c = content == summary ? null : Cap(content, MaxChars - s.Length);
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest))
            JsonSerializer.Serialize(deflate, new[] { s, c });
        return buffer.ToArray();
    }

    public static (string Summary, string Content) Decompress(byte[] body)
    {
        using var deflate = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress);
        var pair = JsonSerializer.Deserialize<string?[]>(deflate) ?? [];
        var summary = pair.Length > 0 ? pair[0] ?? string.Empty : string.Empty;
        return (summary, pair.Length > 1 && pair[1] is { } content ? content : summary);
    }

    /// <summary>At most <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    private static string Cap(string text, int max)
    {
        if (text.Length <= max) return text;
        if (max > 0 && char.IsHighSurrogate(text[max - 1])) max--;
        return text[..max];
    }
}
