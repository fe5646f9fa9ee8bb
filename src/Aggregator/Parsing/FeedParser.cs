using Aggregator.Core.Items;
using Aggregator.Fetching;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Parser;

namespace Aggregator.Parsing;

/// <summary>
/// The one way fetched bytes become a <see cref="ParsedFeed"/>. The encoding is decided here (BOM, XML
/// declaration, HTTP charset). Well-formed XML without a DOCTYPE is read once, straight from the bytes,
/// by the hardened reader (nothing expanded or fetched) and handed to CodeHollow.FeedReader's feed types;
/// everything else (JSON Feed, a DOCTYPE, HTML entities to repair, errors) goes through the decoded text,
/// <see cref="XmlPrePass"/> and CodeHollow's string entry point. CodeHollow's objects do not outlive the
/// call. Every failure is a <see cref="FeedFormatException"/> with a one-line message.
/// </summary>
internal static class FeedParser
{
    /// <param name="charset">The HTTP charset, used only when the document declares no encoding.</param>
    /// <exception cref="FeedFormatException">The bytes are not a usable feed; the message says why in one line.</exception>
    public static ParsedFeed Parse(ReadOnlyMemory<byte> body, string? charset = null) => Parse(body, charset, null);

    /// <summary>As <see cref="Parse(ReadOnlyMemory{byte}, string?)"/>, resolving relative links against the URL the body came from.</summary>
    /// <param name="documentUri">The final URL of the fetch (after redirects); null when unknown.</param>
    public static ParsedFeed Parse(ReadOnlyMemory<byte> body, string? charset, Uri? documentUri)
    {
        if (body.IsEmpty) throw new FeedFormatException("empty document: the response body has 0 bytes");
        try
        {
            return ParseDocument(body, charset, documentUri) ?? ParseText(body.Span, charset, documentUri);
        }
        catch (FeedTypeNotSupportedException ex)
        {
            throw new FeedFormatException($"not a feed: {FailureText.Quote(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is not FeedFormatException and not OutOfMemoryException)
        {
            // CodeHollow throws whatever its internals throw (format, null reference, XML); the poller needs one type.
            throw new FeedFormatException($"feed could not be read: {ex.GetType().Name}: {FailureText.Quote(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// The common case in one pass over the bytes: well-formed XML without a DOCTYPE whose root is a feed.
    /// Null for anything else (JSON, HTML, a DOCTYPE, entities to repair, an error to report), which
    /// <see cref="ParseText"/> handles from the decoded text.
    /// </summary>
    private static ParsedFeed? ParseDocument(ReadOnlyMemory<byte> body, string? charset, Uri? documentUri)
    {
        var (encoding, skip) = FeedTextDecoder.Detect(body.Span, charset);
        // Markup starts with '<' (a 0 byte first in big-endian UTF-16/32); JSON and the rest go straight to the text path.
        if (FirstNonWhiteSpace(body.Span[skip..]) is not (byte)'<' and not 0) return null;
        var notes = new ParseNotes();
        var document = XmlFeedDocument.TryLoad(body[skip..], encoding, notes);
        if (document?.Root is not { } root || CodeHollowDocument.TryRead(root) is not { } feed) return null;
        var xmlRoot = new XmlRoot(root.Name.LocalName, root.Name.NamespaceName, root.Attribute("version")?.Value);
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, xmlRoot), documentUri, notes);
    }

    /// <summary>Everything from the decoded text; also the reference the single-pass path is tested against.</summary>
    internal static ParsedFeed ParseText(ReadOnlySpan<byte> body, string? charset, Uri? documentUri)
    {
        var text = FeedTextDecoder.Decode(body, charset);
        var start = FirstNonWhiteSpace(text);
        if (start < 0) throw new FeedFormatException($"empty document: {body.Length} bytes of white space");
        if (text.Length > XmlPrePass.MaxCharactersInDocument)
        {
            throw new FeedFormatException(
                $"document too large: {text.Length} characters (limit {XmlPrePass.MaxCharactersInDocument})");
        }
        return text[start] switch
        {
            '{' => ParseJson(text, documentUri),
            '<' when HtmlPage.Looks(text) => throw HtmlPage.NotAFeed(text),
            // White space before "<?xml" is not well-formed, but common and harmless.
            '<' => ParseXml(text[start..], documentUri),
            _ => throw new FeedFormatException("not a feed: the body is neither XML nor JSON (binary or compressed data?)"),
        };
    }

    private static ParsedFeed ParseXml(string text, Uri? documentUri)
    {
        var (xml, root) = PrePass(XmlCharacters.RemoveForbidden(text));
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
        // The pre-pass proved it well-formed and cut any DOCTYPE: loaded within the limits like the single-pass path.
        var notes = new ParseNotes();
        using var input = new StringReader(xml);
        var feed = XmlFeedDocument.Load(input, notes).Root is { } element && CodeHollowDocument.TryRead(element) is { } read
            ? read
            : FeedReader.ReadFromString(xml);
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, root), documentUri, notes);
    }

    private static ParsedFeed ParseJson(string text, Uri? documentUri)
    {
        var notes = new ParseNotes();
        var feed = FeedReader.ReadFromString(JsonFeedInput.Prepare(text, notes));
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, null), documentUri, notes);
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

    /// <summary>The first byte that is not ASCII white space (0 when there is none): tells JSON from XML in ASCII-compatible encodings.</summary>
    private static byte FirstNonWhiteSpace(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOfAnyExcept(" \t\r\n"u8);
        return at < 0 ? (byte)0 : body[at];
    }

    private static int FirstNonWhiteSpace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF') return i;
        }
        return -1;
    }
}
