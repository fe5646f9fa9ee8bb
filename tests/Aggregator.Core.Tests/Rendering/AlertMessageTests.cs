using Aggregator.Core.Alerts;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class AlertMessageTests
{
    private static string Unstyled(string html) => Markup.Unstyled(html);

    [Fact]
    public void The_subject_names_the_rule_and_the_title()
    {
        AlertMessage.Email(SampleAlert.Make()).Subject.ShouldBe("[troops-at-border] Troops gather at the border");
    }

    [Fact]
    public void Several_rules_are_listed_in_the_subject_and_the_body()
    {
        var alert = SampleAlert.Make(rules:
        [
            new RuleMatch("rule-a", "troops", []),
            new RuleMatch("rule-b", "border", []),
        ]);

        var email = AlertMessage.Email(alert);

        email.Subject.ShouldBe("[rule-a, rule-b] Troops gather at the border");
        email.RuleIds.ShouldBe(["rule-a", "rule-b"]);
        email.TextBody.ShouldContain("Rule rule-b: border", Case.Sensitive);
    }

    [Fact]
    public void A_subject_injection_stays_on_one_line_of_at_most_200_characters()
    {
        var email = AlertMessage.Email(SampleAlert.Make(title: "title\r\nBcc: x@example.org\r\n" + new string('y', 400)));

        email.Subject.ShouldStartWith("[troops-at-border] title Bcc: x@example.org y");
        email.Subject.ShouldNotContain("\r");
        email.Subject.ShouldNotContain("\n");
        email.Subject.Length.ShouldBe(200);
    }

    [Fact]
    public void Item_values_are_html_encoded_and_matched_terms_marked()
    {
        var email = AlertMessage.Email(SampleAlert.Make(title: "<script>alert(1)</script> & co"));
        var html = Unstyled(email.HtmlBody);

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", Case.Sensitive);
        html.ShouldContain("World &lt;News&gt;", Case.Sensitive);
        html.ShouldContain("Reports say <mark>Troops</mark> massed", Case.Sensitive);
        html.ShouldContain("at the <mark>BORDER</mark> overnight", Case.Sensitive);
        html.ShouldContain("href=\"https://news.example.org/a?x=1&amp;y=2\"", Case.Sensitive);
        html.ShouldContain("2026-11-27 08:30 UTC", Case.Sensitive);
        email.TextBody.ShouldContain("Reports say [Troops] massed", Case.Sensitive);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a link")]
    public void Links_other_than_http_are_dropped(string link)
    {
        var email = AlertMessage.Email(SampleAlert.Make(link: link));

        email.HtmlBody.ShouldNotContain(link.Split(':')[0] + ":");
        email.TextBody.ShouldNotContain(link);
        Unstyled(email.HtmlBody).ShouldContain("<h2>Troops gather at the border</h2>", Case.Sensitive);
    }

    [Fact]
    public void A_term_found_only_by_its_accentless_form_is_still_marked()
    {
        const string summary = "La Défense reste fermée";
        var alert = SampleAlert.Make(summary: summary, rules:
            [new RuleMatch("r", "defense", [new TermMatch("summary", "defense", 999, 7, summary)])]);

        Unstyled(AlertMessage.Email(alert).HtmlBody).ShouldContain("La <mark>Défense</mark> reste", Case.Sensitive);
    }

    [Fact]
    public void A_digest_lists_every_alert()
    {
        var alerts = new[] { SampleAlert.Make(title: "First"), SampleAlert.Make(title: "Second"), SampleAlert.Make(title: "Third") };

        var email = AlertMessage.Digest(alerts);

        email.Subject.ShouldBe("[digest] 3 alerts");
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            email.TextBody.ShouldContain(title, Case.Sensitive);
            email.HtmlBody.ShouldContain(title, Case.Sensitive);
        }
        email.RuleIds.ShouldBe(["troops-at-border"]);
    }

    [Fact]
    public void A_part_of_a_digest_says_which_part_it_is()
    {
        var alerts = new[] { SampleAlert.Make(title: "First"), SampleAlert.Make(title: "Second") };

        var email = AlertMessage.Digest(alerts, new DigestPart(1, 3));

        email.Subject.ShouldBe("[digest] 2 alerts (part 1 of 3)");
        email.TextBody.ShouldStartWith("2 alerts (part 1 of 3)\n", Case.Sensitive);
        Unstyled(email.HtmlBody).ShouldContain("<h1>2 alerts (part 1 of 3)</h1>", Case.Sensitive);
    }
}
