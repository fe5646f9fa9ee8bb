using System.Globalization;
using System.Text;
using System.Xml;

namespace Aggregator.Core.Opml;

/// <summary>
/// Writes feeds as OPML 2.0. Each feed sits in a folder named after its first tag, the one level of folders that
/// Miniflux, FreshRSS and Feedly all import as categories; its other tags go in the <c>category</c> attribute, so
/// reading the file back gives every tag in order. Feeds without tags sit at the top.
/// </summary>
internal static class OpmlWriter
{
    public static string Write(string title, IEnumerable<OpmlFeed> feeds, DateTimeOffset created)
    {
        using var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, IndentChars = "  " }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", title);
            xml.WriteElementString("dateCreated", created.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            var list = feeds.ToList();
            foreach (var feed in list.Where(f => f.Tags.Count == 0)) WriteFeed(xml, feed);
            foreach (var folder in list.Where(f => f.Tags.Count > 0).GroupBy(f => f.Tags[0], StringComparer.Ordinal))
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", folder.Key);
                xml.WriteAttributeString("title", folder.Key);
                foreach (var feed in folder) WriteFeed(xml, feed);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return text.ToString();
    }

    private static void WriteFeed(XmlWriter xml, OpmlFeed feed)
    {
        var name = string.IsNullOrWhiteSpace(feed.Title) ? feed.Id : feed.Title;
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("text", name);
        xml.WriteAttributeString("title", name);
        xml.WriteAttributeString("xmlUrl", feed.Url);
        if (feed.Tags.Count > 1) xml.WriteAttributeString("category", string.Join(',', feed.Tags.Skip(1)));
        xml.WriteEndElement();
    }

    /// <summary>Makes the XML declaration say UTF-8, the encoding the text is served in.</summary>
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
