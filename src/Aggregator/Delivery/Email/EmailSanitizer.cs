using Ganss.Xss;

namespace Aggregator.Delivery.Email;

/// <summary>
/// The sanitiser of the HTML part: the defaults, plus what a mail needs to render well and nothing that loads
/// or runs anything. The head keeps its title and the viewport and colour-scheme hints (meta with name and
/// content only: no http-equiv, so no refresh); inline styles keep the few properties the layout uses. Images
/// go: an alert has none, and a remote one would tell a sender when the mail was read.
/// </summary>
internal static class EmailSanitizer
{
    /// <summary>Built on first use: most workers never meet HTML that needs it, and then never load AngleSharp.</summary>
    private static readonly Lazy<HtmlSanitizer> Shared = new(Create);

    public static string SanitizeDocument(string html) => Shared.Value.SanitizeDocument(html);

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var loads in new[] { "img", "picture", "source", "video", "audio", "track" }) sanitizer.AllowedTags.Remove(loads);
        sanitizer.AllowedTags.Add("meta");
        sanitizer.AllowedTags.Add("title");
        sanitizer.AllowedAttributes.Add("name");
        sanitizer.AllowedAttributes.Add("content");
        sanitizer.AllowedAttributes.Add("charset");
        sanitizer.AllowedAttributes.Add("lang");
        // CSS that can fetch: the layout sets colours, never images.
        foreach (var fetches in new[] { "background", "background-image", "list-style", "list-style-image", "border-image", "border-image-source", "content", "cursor" })
            sanitizer.AllowedCssProperties.Remove(fetches);
        // A meta that lost its http-equiv is inert but noise; only named hints and the charset stay.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "meta" } meta && !meta.HasAttribute("name") && !meta.HasAttribute("charset"))
                meta.Remove();
        };
        sanitizer.AllowedCssProperties.Add("overflow-wrap");
        sanitizer.AllowedCssProperties.Add("word-wrap");
        sanitizer.AllowedCssProperties.Add("color-scheme");
        return sanitizer;
    }
}
