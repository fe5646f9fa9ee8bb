using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Aggregator.Parsing;

/// <summary>Parses feed bytes into an <see cref="XDocument"/> with the hardened reader settings, streaming from the bytes.</summary>
internal static class XmlFeedDocument
{
    /// <summary>The document, or null when it is not well-formed XML without a DOCTYPE (the caller then works from the text).</summary>
    /// <exception cref="FeedFormatException">Nested deeper than <see cref="DocumentLimits.MaxDepth"/>.</exception>
    public static XDocument? TryLoad(ReadOnlyMemory<byte> bytes, Encoding encoding, ParseNotes notes)
    {
        try
        {
            using var text = new XmlCharacterReader(bytes, encoding);
            return Load(text, notes);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Loads a document without a DOCTYPE within <see cref="DocumentLimits"/>, noting what was cut.</summary>
    /// <exception cref="XmlException">Not well-formed.</exception>
    public static XDocument Load(TextReader text, ParseNotes notes)
    {
        using var reader = new BoundedXmlReader(XmlReader.Create(text, XmlPrePass.Settings(DtdProcessing.Prohibit)));
        var document = XDocument.Load(reader);
        notes.Add(reader);
        return document;
    }
}
