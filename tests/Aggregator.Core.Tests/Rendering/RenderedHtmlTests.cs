using Aggregator.Core.Alerts;
using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class RenderedHtmlTests
{
    private static AlertLinks Links(Alert alert, string ruleId) => new(
        new Uri($"https://alerts.example.org/p/w/{alert.AlertId}.{ruleId}"),
        new Uri("https://alerts.example.org/p/s/desk"),
        new Uri($"https://alerts.example.org/p/u/desk.{ruleId}?a=1&b=2"));

    [Fact]
    public void A_single_alert_and_a_digest_with_links_are_recognised_as_the_renderer_s_own()
    {
        var alert = SampleAlert.Make();

        RenderedHtml.IsOwn(AlertMessage.Email(alert).HtmlBody).ShouldBeTrue();
        RenderedHtml.IsOwn(AlertMessage.Email(alert, Links).HtmlBody).ShouldBeTrue();
        RenderedHtml.IsOwn(AlertMessage.Digest([alert, SampleAlert.Make(title: "Second")], new DigestPart(1, 3), Links).HtmlBody).ShouldBeTrue();
    }

    [Theory]
    [InlineData("<script>alert(1)</script> & \"co\" 'x' > <img src=x onerror=alert(1)>", "javascript:alert(1)")]
    [InlineData("<a href=\"https://evil.example.org/\" style=\"background:url(x)\">x</a>", "https://news.example.org/\"><script>alert(1)</script>")]
    [InlineData("&#106;avascript &lt;b&gt; <!-- c --> <![CDATA[x]]>", "http://news.example.org/a b?c='d'")]
    public void Hostile_item_values_are_encoded_so_the_result_is_still_the_renderer_s_own(string title, string link)
    {
        var html = AlertMessage.Email(SampleAlert.Make(title: title, link: link, summary: title + " troops at the border"), Links).HtmlBody;

        RenderedHtml.IsOwn(html).ShouldBeTrue();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>")]
    [InlineData("<img src=\"https://evil.example.org/pixel.gif\">")]
    [InlineData("<style>p{background:url(https://evil.example.org/x)}</style>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    [InlineData("<p style=\"background-image:url(https://evil.example.org/x)\">x</p>")]
    [InlineData("<p style=\"margin:0 0 12px;\" onmouseover=\"alert(1)\">x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html,x\">x</a>")]
    [InlineData("<a href='https://news.example.org/'>x</a>")]
    [InlineData("<a href=https://news.example.org/>x</a>")]
    [InlineData("<p href=\"https://news.example.org/\">x</p>")]
    [InlineData("<a href=\"https://news.example.org/\" target=\"_blank\">x</a>")]
    [InlineData("<!-- x -->")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example.org/\">")]
    [InlineData("<iframe src=\"https://evil.example.org/\"></iframe>")]
    [InlineData("a > b")]
    [InlineData("&nbsp;")]
    [InlineData("&#106;")]
    [InlineData("<p")]
    [InlineData("<p style=\"margin:0 0 12px;>x</p>")]
    [InlineData("</p onclick=\"x\">")]
    public void Anything_the_renderer_does_not_write_is_not_recognised(string inserted)
    {
        var html = AlertMessage.Email(SampleAlert.Make()).HtmlBody;
        var at = html.IndexOf("</div>", StringComparison.Ordinal);

        RenderedHtml.IsOwn(html.Insert(at, inserted)).ShouldBeFalse();
    }

    [Fact]
    public void A_document_with_another_head_is_not_recognised()
    {
        var html = AlertMessage.Email(SampleAlert.Make()).HtmlBody;

        RenderedHtml.IsOwn(html.Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><base href=\"https://evil.example.org/\">", StringComparison.Ordinal)).ShouldBeFalse();
        RenderedHtml.IsOwn("<p>plain</p>").ShouldBeFalse();
    }
}
