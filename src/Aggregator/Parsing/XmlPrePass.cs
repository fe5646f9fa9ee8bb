using System.Xml;

namespace Aggregator.Parsing;

/// <summary>
/// Proves a document is well-formed XML that expands nothing, before a DTD-aware parser sees it, and
/// reports its root element. No DTD is processed, no resolver can fetch anything, and the document and
/// entity sizes are capped.
/// </summary>
internal static class XmlPrePass
{
    /// <summary>A cap far above any real feed, well below what would exhaust memory.</summary>
    public const long MaxCharactersInDocument = 64L * 1024 * 1024;

    /// <summary>Returns the text CodeHollow may parse (DOCTYPE cut out) and the root element.</summary>
    /// <exception cref="FeedFormatException">Not well-formed, or a DTD declaring entities.</exception>
    public static (string Text, XmlRoot Root) Check(string text)
    {
        var doctype = DocumentTypeDeclaration.Find(text);
        if (doctype is { DeclaresEntities: true })
        {
            throw new FeedFormatException(
                "refused: the document's DOCTYPE declares entities (entity expansion and external entities are not allowed)");
        }

        // Prohibit refuses any DOCTYPE, so a document with one (Netscape RSS 0.91's, or a subset without
        // entities) is read with Ignore: the DOCTYPE is skipped unread and undeclared entities stay errors.
        var root = Scan(text, doctype is null ? DtdProcessing.Prohibit : DtdProcessing.Ignore);

        if (doctype is null) return (text, root);
        var stripped = doctype.RemoveFrom(text);
        // The stripped text is what CodeHollow's XDocument will parse: it must hold no DOCTYPE at all.
        if (DocumentTypeDeclaration.Find(stripped) is not null)
        {
            throw new FeedFormatException("refused: the document has more than one DOCTYPE");
        }
        return (stripped, root);
    }

    /// <summary>The hardened reader settings: nothing resolved, no DTD unless <paramref name="dtd"/> says to skip one unread, sizes capped.</summary>
    public static XmlReaderSettings Settings(DtdProcessing dtd) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private static XmlRoot Scan(string text, DtdProcessing dtd)
    {
        try
        {
            using var input = new StringReader(text);
            using var reader = XmlReader.Create(input, Settings(dtd));
            XmlRoot? root = null;
            var hasChannel = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (root is null) root = new XmlRoot(reader.LocalName, reader.NamespaceURI, reader.GetAttribute("version"));
                else if (reader.Depth == 1 && reader.LocalName == "channel") hasChannel = true;
            }
            return root is null
                ? throw new FeedFormatException("not a feed: the document has no root element")
                : root with { HasChannel = hasChannel };
        }
        catch (XmlException ex)
        {
            // Errors found only at the end of input (no root element) carry no position.
            var where = ex.LineNumber > 0 ? $" at line {ex.LineNumber}, column {ex.LinePosition}" : "";
            throw new FeedFormatException($"not well-formed XML{where}: {WithoutPosition(ex.Message)}", ex);
        }
    }

    /// <summary>XmlException messages end with "Line 3, position 7."; the caller's message has that already.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        var trimmed = at > 0 ? message[..at] : message;
        return trimmed.TrimEnd('.', ' ').ReplaceLineEndings(" ");
    }
}
