using System.Text.Json;
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
    private const int MaxJsonDepth = 64;

    public ParsedFeed Parse(ReadOnlySpan<byte> body, string? charset = null)
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
                '{' => ParseJson(text),
                '<' when HtmlPage.Looks(text) => throw HtmlPage.NotAFeed(text),
                '<' => ParseXml(text),
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

    private static ParsedFeed ParseXml(string text)
    {
        var (xml, root) = XmlPrePass.Check(XmlTextRepair.Repair(text));
        if (root.IsHtml) throw HtmlPage.NotAFeed(text);
        if (root.LocalName is not ("rss" or "feed" or "RDF" or "channel"))
        {
            throw new FeedFormatException($"not a feed: the root element is <{root.LocalName}>, not rss, feed or rdf:RDF");
        }
        var feed = FeedReader.ReadFromString(xml);
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, root));
    }

    private static ParsedFeed ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.String
                || !version.GetString()!.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
            {
                throw new FeedFormatException("not a feed: a JSON document without a JSON Feed \"version\"");
            }
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException(
                $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {OneLine(ex.Message)}", ex);
        }
        var feed = FeedReader.ReadFromString(text);
        return FeedMapper.Map(feed, FeedFormats.Name(feed.Type, null));
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
