using Aggregator.Core.Items;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Parser;

namespace Aggregator.Parsing;

/// <summary>
/// The one way fetched bytes become a <see cref="ParsedFeed"/>. Bytes are decoded here (BOM, XML
/// declaration, HTTP charset), checked by <see cref="XmlPrePass"/> so that nothing is expanded or
/// fetched, and only then parsed by CodeHollow.FeedReader from a string; its objects do not outlive
/// the call. Every failure is a <see cref="FeedFormatException"/> with a one-line message.
/// </summary>
internal sealed class FeedParser : IFeedParser
{
    public ParsedFeed Parse(ReadOnlySpan<byte> body, string? charset = null) => Parse(body, charset, null);

    public ParsedFeed Parse(ReadOnlySpan<byte> body, string? charset, Uri? documentUri)
    {
        if (body.IsEmpty) throw new FeedFormatException("empty document: the response body has 0 bytes");

        var text = FeedTextDecoder.Decode(body, charset);
        var start = FirstNonWhiteSpace(text);
        if (start < 0) throw new FeedFormatException($"empty document: {body.Length} bytes of white space");
        if (text.Length > XmlPrePass.MaxCharactersInDocument)
        {
            throw new FeedFormatException(
                $"document too large: {text.Length} characters (limit {XmlPrePass.MaxCharactersInDocument})");
        }

        try
        {
            return text[start] switch
            {
                '{' => ParseJson(text, documentUri),
                '<' when HtmlPage.Looks(text) => throw HtmlPage.NotAFeed(text),
                // White space before "<?xml" is not well-formed, but common and harmless.
                '<' => ParseXml(text[start..], documentUri),
                _ => throw new FeedFormatException("not a feed: the body is neither XML nor JSON (binary or compressed data?)"),
            };
        }
        catch (FeedTypeNotSupportedException ex)
        {
            throw new FeedFormatException($"not a feed: {OneLine(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is not FeedFormatException and not OutOfMemoryException)
        {
            // CodeHollow throws whatever its internals throw (format, null reference, XML); the poller needs one type.
            throw new FeedFormatException($"feed could not be read: {ex.GetType().Name}: {OneLine(ex.Message)}", ex);
        }
    }

    private static ParsedFeed ParseXml(string text, Uri? documentUri)
    {
        var (xml, root) = PrePass(XmlTextRepair.RemoveInvalidCharacters(text));
        if (root.IsHtml) throw HtmlPage.NotAFeed(text);
        xml = root switch
        {
            { LocalName: "rss" or "RDF", HasChannel: false } =>
                throw new FeedFormatException($"not a feed: <{root.LocalName}> has no <channel> element"),
            { LocalName: "rss" or "feed" or "RDF" } => xml,
            // A lone Atom entry or a bare RSS channel is a feed of one kind; CodeHollow needs the wrapper.
            { LocalName: "entry", NamespaceUri: XmlRoot.Atom10Namespace } => Wrap(xml, "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>"),
            { LocalName: "channel", NamespaceUri: "" } => Wrap(xml, "<rss version=\"2.0\">", "</rss>"),
            _ => throw new FeedFormatException($"not a feed: the root element is <{root.LocalName}>, not rss, feed or rdf:RDF"),
        };
        var feed = FeedReader.ReadFromString(xml);
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, root), documentUri);
    }

    private static ParsedFeed ParseJson(string text, Uri? documentUri)
    {
        var feed = FeedReader.ReadFromString(JsonFeedInput.Prepare(text));
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, null), documentUri);
    }

    /// <summary>The pre-pass on the text as sent, then once more after repairing entity references.</summary>
    private static (string Xml, XmlRoot Root) PrePass(string text)
    {
        try
        {
            return XmlPrePass.Check(text);
        }
        catch (FeedFormatException ex) when (ex.InnerException is System.Xml.XmlException)
        {
            var repaired = XmlTextRepair.RepairReferences(text);
            if (repaired is null) throw;
            try
            {
                return XmlPrePass.Check(repaired);
            }
            catch (FeedFormatException)
            {
                throw ex; // the original document's error is the one the operator can find in it
            }
        }
    }

    private static string Wrap(string xml, string open, string close)
    {
        var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
        return string.Concat(open, body, close);
    }

    private static int FirstNonWhiteSpace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF') return i;
        }
        return -1;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
