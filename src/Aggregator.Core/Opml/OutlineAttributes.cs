using System.Xml;

namespace Aggregator.Core.Opml;

/// <summary>
/// The attributes of an outline that an import uses. Names are matched ignoring case because exports in the wild
/// write <c>xmlurl</c> and <c>XMLURL</c>; attributes in a namespace (FreshRSS's <c>frss:</c>) are readers' own.
/// </summary>
internal sealed record OutlineAttributes(string? XmlUrl, string Name, string? HtmlUrl, IReadOnlyList<string> Categories)
{
    public static OutlineAttributes Of(XmlReader xml)
    {
        string? xmlUrl = null, title = null, text = null, htmlUrl = null, category = null;
        while (xml.MoveToNextAttribute())
        {
            if (xml.NamespaceURI.Length != 0) continue;
            var name = xml.LocalName;
            if (Is(name, "xmlUrl")) xmlUrl = xml.Value;
            else if (Is(name, "title")) title = xml.Value;
            else if (Is(name, "text")) text = xml.Value;
            else if (Is(name, "htmlUrl")) htmlUrl = xml.Value;
            else if (Is(name, "category")) category = xml.Value;
        }
        xml.MoveToElement();
        var shown = SingleLine(!string.IsNullOrWhiteSpace(title) ? title : text ?? string.Empty);
        return new(xmlUrl, shown, string.IsNullOrWhiteSpace(htmlUrl) ? null : htmlUrl.Trim(), CategoriesOf(category));
    }

    /// <summary>OPML 2.0's category: comma-separated, each a slash-delimited path ("/Tech/News,/Reading").</summary>
    private static List<string> CategoriesOf(string? category) =>
        category is null
            ? []
            : [.. category.Split(',').SelectMany(path => path.Split('/')).Select(s => s.Trim()).Where(s => s.Length > 0)];

    /// <summary>Titles are shown on one line; exports carry line breaks from feeds' own titles (Inoreader's <c>&amp;#10;</c>).</summary>
    private static string SingleLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
