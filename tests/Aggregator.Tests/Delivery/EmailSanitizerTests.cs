using AngleSharp.Html.Parser;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Delivery;
using Aggregator.Delivery.Email;
using Aggregator.PublicPages;
using Aggregator.Tests.Matching;

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

    [Fact]
    public void Every_real_news_item_goes_out_as_rendered_and_the_sanitiser_would_have_kept_all_of_it()
    {
        NewsFeeds.Require();
        var composer = new EmailComposer(new SubscriberLinks(new ActiveConfig(ConfigSnapshot.Create(new AggregatorConfig { Directory = Path.GetTempPath() }))));
        var smtp = new SmtpOptions { From = "Aggregator <alerts@example.org>" };
        var desk = new SubscriberDefinition { Id = "desk", Email = ["desk@example.org"] };
        var sanitizer = EmailSanitizer.Create();
        var parser = new HtmlParser();
        var items = 0;
        foreach (var news in NewsFeeds.All())
        {
            var alert = NewsAlerts.Of(news);
            var rendered = AlertMessage.Email(alert, NewsAlerts.Links).HtmlBody;

            var sent = composer.Compose(new DeliveryEnvelope($"m{items}", desk, [alert], false, DateTimeOffset.UnixEpoch), smtp, NewsAlerts.Links).HtmlBody;

            sent.ShouldBe(rendered, $"{news.Name} is sent as rendered");
            var original = parser.ParseDocument(rendered);
            var kept = parser.ParseDocument(sanitizer.SanitizeDocument(rendered));
            kept.Body!.TextContent.ShouldBe(original.Body!.TextContent, news.Name);
            kept.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(original.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), news.Name);
            kept.QuerySelectorAll("mark").Length.ShouldBe(original.QuerySelectorAll("mark").Length, news.Name);
            items++;
        }
        items.ShouldBe(486);
    }
}
