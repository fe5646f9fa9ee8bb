using Aggregator.Configuration;
using Aggregator.Core.Items;

namespace Aggregator.Tests.Configuration;

public sealed class DisabledRuleTests
{
    [Fact]
    public void A_disabled_rule_stays_in_the_config_but_matches_nothing()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("all.yaml", """
            feeds:
              - id: wire
                url: https://news.example.org/rss
            subscribers:
              - id: desk
                email: desk@example.org
            rules:
              - id: border
                query: troops AND border
                notify: [desk]
                enabled: false
              - id: border-live
                query: troops AND border
                notify: [desk]
            """);

        var config = dir.Load().Config.ShouldNotBeNull();
        var snapshot = ConfigSnapshot.Create(config);
        var item = new FeedItem("k", null, "Troops massed at the border", null, null, null, "", "", [], []);

        config.Rules.Select(r => (r.Id, r.Enabled)).ShouldBe([("border", false), ("border-live", true)]);
        snapshot.Rules.Match(item, "wire").Select(m => m.RuleId).ShouldBe(["border-live"]);
    }

    [Fact]
    public void Enabled_takes_true_or_false_only()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("rules.yaml", """
            rules:
              - id: border
                query: troops
                enabled: sometimes
            """);

        var result = dir.Load();

        result.Config.ShouldBeNull();
        ConfigReport.Lines(result.Diagnostics).ShouldContain(l => l.Contains("rules.yaml:4:14: error: invalid value 'sometimes'", StringComparison.Ordinal));
    }
}
