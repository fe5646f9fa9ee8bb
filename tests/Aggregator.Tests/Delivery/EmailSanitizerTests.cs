using Aggregator.Delivery.Email;

namespace Aggregator.Tests.Delivery;

public sealed class EmailSanitizerTests
{
    [Fact]
    public void The_colour_scheme_hint_and_inline_layout_survive_and_nothing_that_loads_or_runs_does()
    {
        const string html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
            <meta http-equiv="refresh" content="0;url=https://evil.example.org/"><title>t</title>
            <link rel="stylesheet" href="https://evil.example.org/a.css"><style>body{background:url(https://evil.example.org/x)}</style></head>
            <body><div style="max-width:600px;overflow-wrap:break-word;background-image:url(https://evil.example.org/y)">
            <img src="https://evil.example.org/pixel.gif"><a href="javascript:alert(1)">x</a><script>alert(1)</script></div></body></html>
            """;

        var clean = EmailSanitizer.Create().SanitizeDocument(html);

        clean.ShouldContain("<meta name=\"color-scheme\" content=\"light dark\">");
        clean.ShouldContain("<html lang=\"en\">");
        clean.ShouldContain("max-width: 600px");
        clean.ShouldContain("overflow-wrap: break-word");
        foreach (var gone in new[] { "http-equiv", "refresh", "stylesheet", "<style", "<img", "javascript:", "<script", "url(", "evil.example.org" })
            clean.ShouldNotContain(gone);
    }
}
