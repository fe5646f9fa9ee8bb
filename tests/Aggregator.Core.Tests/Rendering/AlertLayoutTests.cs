using Aggregator.Core.Alerts;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class AlertLayoutTests
{
    private const string Title = "Troops gather near the northern border";

    private static Alert TwoRules() => SampleAlert.Make(title: Title, rules:
    [
        new RuleMatch("troops-at-border", "troops AND border",
        [
            new TermMatch("title", "troops", 0, 6, Title),
            new TermMatch("title", "border", 32, 6, Title),
            new TermMatch("summary", "border", 33, 6, SampleAlert.Summary),
        ]),
        new RuleMatch("north", "northern", [new TermMatch("title", "northern", 23, 8, Title)]),
    ]);

    private static AlertLinks LinksFor(string ruleId) => new(
        new Uri($"https://alerts.example.org/p/w/{ruleId}"), new Uri("https://alerts.example.org/p/prefs"), new Uri($"https://alerts.example.org/p/u/{ruleId}"));

    [Fact]
    public void Each_matched_field_is_one_line_with_every_term_of_every_rule_marked()
    {
        var text = AlertMessage.Email(TwoRules()).TextBody;

        var lines = text.Split('\n');
        lines.Count(l => l.StartsWith("title:", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.StartsWith("summary:", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain("title:   [Troops] gather near the [northern] [border]");
        lines.ShouldContain("summary: Reports say Troops massed at the [BORDER] overnight.");
    }

    [Fact]
    public void The_footer_says_which_rule_fired_and_why()
    {
        var email = AlertMessage.Email(TwoRules());

        email.TextBody.ShouldContain("Rule troops-at-border: troops AND border\nMatched: troops (title), border (title, summary)\n", Case.Sensitive);
        email.TextBody.ShouldContain("Rule north: northern\nMatched: northern (title)\n", Case.Sensitive);
        email.HtmlBody.ShouldContain("Matched: troops (title), border (title, summary)", Case.Sensitive);
    }

    [Fact]
    public void Without_links_there_is_no_links_line_at_all()
    {
        var email = AlertMessage.Email(TwoRules());

        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            body.ShouldNotContain("Why this alert");
            body.ShouldNotContain("Preferences");
            body.ShouldNotContain("Unsubscribe");
        }
    }

    [Fact]
    public void Links_are_given_per_rule_in_both_parts()
    {
        var email = AlertMessage.Email(TwoRules(), (_, rule) => LinksFor(rule));

        email.TextBody.ShouldContain("Why this alert: https://alerts.example.org/p/w/troops-at-border\n", Case.Sensitive);
        email.TextBody.ShouldContain("Unsubscribe from this rule: https://alerts.example.org/p/u/north\n", Case.Sensitive);
        email.TextBody.ShouldContain("Preferences: https://alerts.example.org/p/prefs\n", Case.Sensitive);
        Markup.Unstyled(email.HtmlBody).ShouldContain("<a href=\"https://alerts.example.org/p/w/troops-at-border\">Why this alert</a> · "
            + "<a href=\"https://alerts.example.org/p/prefs\">Preferences</a> · "
            + "<a href=\"https://alerts.example.org/p/u/troops-at-border\">Unsubscribe from this rule</a>", Case.Sensitive);
    }

    [Fact]
    public void A_missing_link_is_left_out_of_the_line()
    {
        var email = AlertMessage.Email(TwoRules(), (_, rule) => new AlertLinks(null, null, new Uri($"https://alerts.example.org/p/u/{rule}")));

        Markup.Unstyled(email.HtmlBody).ShouldContain("<p><a href=\"https://alerts.example.org/p/u/north\">Unsubscribe from this rule</a></p>", Case.Sensitive);
        email.TextBody.ShouldNotContain("Why this alert");
    }

    [Fact]
    public void A_link_other_than_http_never_becomes_an_anchor()
    {
        var email = AlertMessage.Email(TwoRules(), (_, rule) => new AlertLinks(new Uri("javascript:alert(1)"), null, new Uri($"https://alerts.example.org/p/u/{rule}")));

        email.HtmlBody.ShouldNotContain("javascript:");
        email.TextBody.ShouldNotContain("javascript:");
        Markup.Unstyled(email.HtmlBody).ShouldContain("<p><a href=\"https://alerts.example.org/p/u/north\">Unsubscribe from this rule</a></p>", Case.Sensitive);
    }

    [Fact]
    public void A_digest_has_each_rules_unsubscribe_link_and_one_preferences_link()
    {
        var alerts = new[] { TwoRules(), SampleAlert.Make(title: "Second") };

        var email = AlertMessage.Digest(alerts, links: (_, rule) => LinksFor(rule));

        email.TextBody.ShouldContain("Unsubscribe from this rule: https://alerts.example.org/p/u/north\n", Case.Sensitive);
        CountOf(email.TextBody, "Unsubscribe from this rule: https://alerts.example.org/p/u/troops-at-border").ShouldBe(2);
        CountOf(email.TextBody, "Preferences: ").ShouldBe(1);
        email.TextBody.ShouldEndWith("Preferences: https://alerts.example.org/p/prefs\n", Case.Sensitive);
        CountOf(email.HtmlBody, ">Preferences</a>").ShouldBe(1);
    }

    [Fact]
    public void Prose_lines_fit_a_terminal_and_urls_are_never_broken()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Troops gather near the northern border again", 4));
        var link = "https://news.example.org/" + new string('a', 120);
        var summary = string.Join(' ', Enumerable.Repeat("Reports say troops massed at the border overnight.", 8));
        var alert = SampleAlert.Make(title: longTitle, link: link, summary: summary, rules:
            [new RuleMatch("r", "troops", [new TermMatch("summary", "troops", 12, 6, summary), new TermMatch("summary", "troops", summary.IndexOf("troops", 13, StringComparison.Ordinal), 6, summary)])]);

        var text = AlertMessage.Email(alert, (_, _) => new AlertLinks(new Uri(link + "/why"), null, null)).TextBody;

        foreach (var line in text.Split('\n'))
            if (line.Length > 78)
                line.Trim().Split(' ')[^1].ShouldStartWith("http", customMessage: $"only a URL may take a line past 78 columns: {line}");
        text.ShouldContain("\n" + link + "\n");
        text.ShouldContain("Why this alert: " + link + "/why\n");
        text.ShouldContain("summary: Reports say [troops] massed at the border overnight. Reports say\n         [troops] massed");
    }

    [Fact]
    public void East_asian_text_wraps_between_characters_at_two_columns_each()
    {
        var summary = string.Concat(Enumerable.Repeat("政府は本日、国境付近で部隊が集結していると発表した。", 6));
        var alert = SampleAlert.Make(summary: summary, rules: [new RuleMatch("r", "国境", [new TermMatch("summary", "国境", 6, 2, summary)])]);

        var text = AlertMessage.Email(alert).TextBody;

        var lines = text.Split('\n').SkipWhile(l => !l.StartsWith("summary:", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();
        lines.Count.ShouldBeGreaterThan(2);
        foreach (var line in lines)
            (line.Count(c => c > '\u2E80') * 2 + line.Count(c => c < '\u2E80')).ShouldBeLessThanOrEqualTo(78, line);
        string.Concat(lines.Select(l => l.TrimStart()[(l.TrimStart().StartsWith("summary:", StringComparison.Ordinal) ? 8 : 0)..].Trim()))
            .ShouldBe(summary.Replace("国境", "[国境]", StringComparison.Ordinal));
        lines.ShouldAllBe(l => !l.TrimStart().StartsWith('。') && !l.TrimStart().StartsWith('、'));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
