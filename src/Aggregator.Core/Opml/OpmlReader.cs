using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Aggregator.Core.Opml;

/// <summary>
/// Reads the subscriptions of an OPML 1.0 or 2.0 file exported by a feed reader. Every problem comes back in the
/// result: a file that cannot be read as a whole is refused with a message, an outline that cannot be imported is
/// listed as skipped and the rest are kept.
/// </summary>
internal sealed partial class OpmlReader(OpmlLimits limits)
{
    public static OpmlReader Default { get; } = new(OpmlLimits.Default);

    public OpmlReadResult Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Empty();
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxBytes) return TooLarge();
        // A string's byte order mark is a character the XML parser rejects before the declaration.
        using var xml = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), Settings());
        return Read(xml);
    }

    public OpmlReadResult Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxBytes) return TooLarge();
        }
        if (buffer.Length == 0) return Empty();
        buffer.Position = 0;
        // From bytes the parser honours the byte order mark and the declared encoding.
        using var xml = XmlReader.Create(buffer, Settings());
        return Read(xml);
    }

    private static OpmlReadResult Empty() => OpmlReadResult.Refused("the file is empty");

    private OpmlReadResult TooLarge() =>
        OpmlReadResult.Refused($"the file is larger than {Size(limits.MaxBytes)}; no reader's export is that large");

    private static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MiB" : $"{bytes} bytes";

    private XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private OpmlReadResult Read(XmlReader xml)
    {
        try
        {
            return new OpmlWalk(xml, limits).Run();
        }
        catch (XmlException e)
        {
            // The parser refuses a DTD before it counts lines, so that refusal has no position to give.
            if (e.Message.Contains("DTD", StringComparison.Ordinal))
                return OpmlReadResult.Refused("the file declares a DTD (<!DOCTYPE ...>) before its <opml> element; OPML never needs one, and it is refused because it can define entities");
            // The parser appends the position, which the message gives first.
            return OpmlReadResult.Refused($"the file is not well-formed XML at {e.LineNumber}:{e.LinePosition}: {TrailingPosition().Replace(e.Message, string.Empty)}");
        }
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex TrailingPosition();
}
