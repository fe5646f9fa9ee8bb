namespace Aggregator.Core.Rendering;

/// <summary>
/// The inline styles of the HTML part. Only neutral greys for rules and borders and a mark that sets both its
/// colours: text and link colours come from the mail client, so they stay readable in light and dark mode.
/// </summary>
internal static class EmailStyle
{
    public const string Head =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">";

    public const string Body = "margin:0;padding:0;";

    public const string Container =
        "max-width:600px;margin:0 auto;padding:16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
        + "font-size:16px;line-height:1.5;overflow-wrap:break-word;word-wrap:break-word;";

    public const string Heading = "font-size:22px;line-height:1.3;margin:0 0 16px;";
    public const string Title = "font-size:20px;line-height:1.3;margin:0 0 4px;";
    public const string Byline = "font-size:14px;margin:0 0 16px;";
    public const string Snippet = "margin:0 0 12px;";
    public const string FieldLabel = "display:block;font-size:12px;font-weight:bold;letter-spacing:0.05em;text-transform:uppercase;";
    public const string Mark = "background-color:#fde68a;color:#1a1a1a;padding:0 2px;border-radius:2px;";
    public const string Footer = "margin:16px 0 0;padding:12px 0 0;border-top:1px solid #9ca3af;font-size:14px;";
    public const string FooterLine = "margin:0 0 8px;";
    public const string LinkLine = "margin:0 0 12px;";
    /// <summary>Links take the text's colour and are told apart by their underline: no fixed blue reads on both light and dark.</summary>
    public const string Link = "color:inherit;text-decoration:underline;";
    public const string Code = "font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;";
    public const string Separator = "border:0;border-top:2px solid #9ca3af;margin:24px 0;";
}
