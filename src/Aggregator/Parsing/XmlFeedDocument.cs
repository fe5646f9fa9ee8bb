using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Aggregator.Parsing;

/// <summary>Parses feed bytes into an <see cref="XDocument"/> with the hardened reader settings, streaming from the bytes.</summary>
internal static class XmlFeedDocument
{
    /// <summary>The document, or null when it is not well-formed XML without a DOCTYPE (the caller then works from the text).</summary>
    public static XDocument? TryLoad(ReadOnlyMemory<byte> bytes, Encoding encoding)
    {
        try
        {
            using var text = new XmlCharacterReader(bytes, encoding);
            using var reader = XmlReader.Create(text, XmlPrePass.Settings(DtdProcessing.Prohibit));
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
