using System.Text.Json;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class WebhookPayloadTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 11, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_alert_has_the_contract_shape()
    {
        var alert = SampleAlert.Make(rules:
        [
            new RuleMatch("rule-a", "troops", [new TermMatch("summary", "troops", 12, 6, "say Troops massed")]),
            new RuleMatch("rule-b", "border", [new TermMatch("title", "border", 20, 6, "at the border")]),
        ]);

        using var json = JsonDocument.Parse(WebhookPayload.Matched(alert, At));

        var root = json.RootElement;
        root.GetProperty("type").GetString().ShouldBe("alert.matched");
        root.GetProperty("timestamp").GetString().ShouldBe("2026-11-27T10:00:00Z");
        var data = root.GetProperty("data");
        data.GetProperty("alertId").GetString().ShouldBe("a1b2");
        data.GetProperty("rule").GetProperty("id").GetString().ShouldBe("rule-a");
        data.GetProperty("rule").GetProperty("query").GetString().ShouldBe("troops");
        data.GetProperty("feed").GetProperty("id").GetString().ShouldBe("world-news");
        data.GetProperty("feed").GetProperty("title").GetString().ShouldBe("World <News>");
        data.GetProperty("feed").GetProperty("url").GetString().ShouldBe("https://news.example.org/feed.xml");
        var item = data.GetProperty("item");
        item.GetProperty("key").GetString().ShouldBe("key-1");
        item.GetProperty("id").GetString().ShouldBe("id-1");
        item.GetProperty("title").GetString().ShouldBe("Troops gather at the border");
        item.GetProperty("link").GetString().ShouldBe("https://news.example.org/a?x=1&y=2");
        item.GetProperty("published").GetString().ShouldBe("2026-11-27T08:30:00Z");
        item.GetProperty("summary").GetString().ShouldBe(SampleAlert.Summary);
        var match = data.GetProperty("matches").EnumerateArray().ShouldHaveSingleItem();
        match.EnumerateObject().Select(p => p.Name).ShouldBe(["field", "term", "snippet"]);
        match.GetProperty("snippet").GetString().ShouldBe("say Troops massed");
        var rules = data.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(["rule-a", "rule-b"]);
        rules[1].GetProperty("matches")[0].GetProperty("field").GetString().ShouldBe("title");
    }

    [Fact]
    public void A_missing_date_is_null_and_non_http_links_are_dropped()
    {
        var alert = SampleAlert.Make(link: "javascript:alert(1)");
        alert = alert with { Item = alert.Item with { Published = null }, Feed = alert.Feed with { Url = "file:///srv/feeds/local.xml" } };

        using var json = JsonDocument.Parse(WebhookPayload.Matched(alert, At));

        var item = json.RootElement.GetProperty("data").GetProperty("item");
        item.GetProperty("published").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("link").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("data").GetProperty("feed").GetProperty("url").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_digest_carries_the_subscriber_and_each_alerts_data()
    {
        var alerts = new[] { SampleAlert.Make(title: "One"), SampleAlert.Make(title: "Two") };

        using var json = JsonDocument.Parse(WebhookPayload.Digest("ops", alerts, At));

        json.RootElement.GetProperty("type").GetString().ShouldBe("alert.digest");
        var data = json.RootElement.GetProperty("data");
        data.GetProperty("subscriber").GetString().ShouldBe("ops");
        data.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("item").GetProperty("title").GetString()).ShouldBe(["One", "Two"]);
        data.GetProperty("alerts")[0].GetProperty("rule").GetProperty("id").GetString().ShouldBe("troops-at-border");
    }

    [Fact]
    public void Each_rule_carries_one_snippet_per_field_with_its_marks()
    {
        var alert = SampleAlert.Make(rules:
        [
            new RuleMatch("rule-a", "troops AND border",
            [
                new TermMatch("summary", "troops", 12, 6, "say Troops massed"),
                new TermMatch("summary", "border", 33, 6, "the BORDER overnight"),
                new TermMatch("title", "troops", 0, 6, "Troops gather"),
            ]),
            new RuleMatch("rule-b", "border", [new TermMatch("title", "border", 21, 6, "at the border")]),
        ]);

        using var json = JsonDocument.Parse(WebhookPayload.Matched(alert, At));

        var rules = json.RootElement.GetProperty("data").GetProperty("rules");
        rules[0].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "query", "matches", "snippets"]);
        var snippets = rules[0].GetProperty("snippets").EnumerateArray().ToList();
        snippets.Select(s => s.GetProperty("field").GetString()).ShouldBe(["title", "summary"]);
        var summary = snippets[1];
        summary.GetProperty("text").GetString().ShouldBe(SampleAlert.Summary);
        summary.GetProperty("marks").EnumerateArray().Select(m => SampleAlert.Summary.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))
            .ShouldBe(["Troops", "BORDER"]);
        var other = rules[1].GetProperty("snippets").EnumerateArray().ShouldHaveSingleItem();
        other.GetProperty("text").GetString().ShouldBe("Troops gather at the border");
        other.GetProperty("marks")[0].GetProperty("start").GetInt32().ShouldBe(21);
        json.RootElement.GetProperty("data").TryGetProperty("snippets", out _).ShouldBeFalse();
    }
}
