using System.Text;

namespace Aggregator.Parsing;

/// <summary>
/// Decodes feed bytes to text once, so every later stage sees the same characters. Precedence follows
/// XML 1.0 appendix F: a byte order mark, then the XML declaration's encoding, then the HTTP charset,
/// then UTF-8.
/// </summary>
internal static class FeedTextDecoder
{
    private const int DeclarationWindow = 1024;

    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> body, string? charset)
    {
        var (encoding, skip) = Detect(body, charset);
        var text = encoding.GetString(body[skip..]);
        // A BOM the detection did not consume (e.g. UTF-8 BOM under a declared charset) is not content.
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>The document's encoding and how many bytes of byte order mark precede its first character.</summary>
    public static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> body, string? charset)
    {
        var (encoding, skip) = FromByteOrderMark(body);
        return (encoding ?? FromDeclaration(body) ?? Lookup(charset) ?? new UTF8Encoding(false), skip);
    }

    /// <summary>The encoding for a name, or null when .NET does not know it.</summary>
    public static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim().Trim('"', '\'');
        try { return Encoding.GetEncoding(trimmed); }
        catch (ArgumentException) { return null; }
    }

    private static (Encoding? Encoding, int Skip) FromByteOrderMark(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (new UTF32Encoding(true, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);
        // No BOM: the first characters "<?" (or "<") still reveal a 16/32-bit encoding.
        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x00, 0x00])) return (new UTF32Encoding(false, false), 0);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x3C])) return (new UTF32Encoding(true, false), 0);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00])) return (new UnicodeEncoding(false, false), 0);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C])) return (new UnicodeEncoding(true, false), 0);
        return (null, 0);
    }

    /// <summary>Reads <c>encoding="..."</c> from a leading XML declaration in an ASCII-compatible encoding.</summary>
    private static Encoding? FromDeclaration(ReadOnlySpan<byte> b)
    {
        var window = b[..Math.Min(b.Length, DeclarationWindow)];
        var start = 0;
        while (start < window.Length && window[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        window = window[start..];
        if (!window.StartsWith("<?xml"u8)) return null;
        var end = window.IndexOf("?>"u8);
        if (end < 0) return null;
        var declaration = Encoding.ASCII.GetString(window[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var i = at + "encoding".Length;
        while (i < declaration.Length && declaration[i] is ' ' or '=' or '\t' or '\r' or '\n') i++;
        if (i >= declaration.Length || declaration[i] is not ('"' or '\'')) return null;
        var quote = declaration[i];
        var close = declaration.IndexOf(quote, i + 1);
        if (close < 0) return null;
        var encoding = Lookup(declaration[(i + 1)..close]);
        // A declaration of UTF-16/32 in bytes that decoded as ASCII is a lie; UTF-8 is the safer reading.
        return encoding is UnicodeEncoding or UTF32Encoding ? null : encoding;
    }
}
