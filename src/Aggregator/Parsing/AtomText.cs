using System.Xml.Linq;
using Aggregator.Core.Text;

namespace Aggregator.Parsing;

/// <summary>
/// Atom says whether a text construct is plain text or markup (<c>type="text|html|xhtml"</c>; Atom 0.3 uses
/// MIME types). Plain text is literal: "History of the &lt;blink&gt; tag" must not lose "&lt;blink&gt;" to
/// tag stripping, so only markup goes through <see cref="HtmlText.ToPlainText"/>.
/// </summary>
internal static class AtomText
{
    /// <summary>The plain text of child <paramref name="name"/> of <paramref name="parent"/> whose value is <paramref name="value"/>.</summary>
    public static string ToPlainText(XElement? parent, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var element = parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        var type = element?.Attribute("type")?.Value.Trim().ToLowerInvariant();
        var mode = element?.Attribute("mode")?.Value.Trim().ToLowerInvariant();
        var isText = element is not null && type is null or "text" or "text/plain" && mode is null or "xml";
        return isText ? CollapseWhiteSpace(value) : HtmlText.ToPlainText(value);
    }

    private static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
