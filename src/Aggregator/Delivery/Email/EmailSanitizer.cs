using Ganss.Xss;

namespace Aggregator.Delivery.Email;

/// <summary>
/// The sanitiser of the HTML part: the defaults, plus what a mail needs to render well and nothing that loads
/// or runs anything. The head keeps its title and the viewport and colour-scheme hints (meta with name and
/// content only: no http-equiv, so no refresh); inline styles keep the few properties the layout uses.
/// </summary>
internal static class EmailSanitizer
{
    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("meta");
        sanitizer.AllowedTags.Add("title");
        sanitizer.AllowedAttributes.Add("name");
        sanitizer.AllowedAttributes.Add("content");
        sanitizer.AllowedAttributes.Add("charset");
        sanitizer.AllowedAttributes.Add("lang");
        sanitizer.AllowedCssProperties.Add("overflow-wrap");
        sanitizer.AllowedCssProperties.Add("word-wrap");
        sanitizer.AllowedCssProperties.Add("color-scheme");
        return sanitizer;
    }
}
