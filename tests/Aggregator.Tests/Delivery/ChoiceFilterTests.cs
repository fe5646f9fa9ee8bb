using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Tests.Storage;

namespace Aggregator.Tests.Delivery;

/// <summary>What a subscriber still receives of an alert once their choices apply.</summary>
public sealed class ChoiceFilterTests
{
    private const string A = "a@example.org";
    private const string B = "b@example.org";
    private static readonly DateTimeOffset Now = TestAlerts.Start;
    private static readonly Alert TwoRules = TestAlerts.Make("ops", "k", ruleIds: ["troops", "border"]);

    private static SubscriberChoices Choices(
        IReadOnlyList<Unsubscription>? unsubscriptions = null, DateTimeOffset? pausedUntil = null, string? digest = null,
        IReadOnlyList<string>? rulesOff = null, IReadOnlyList<Mute>? mutes = null) =>
        new("ops", unsubscriptions ?? [], pausedUntil, digest, rulesOff ?? [], mutes ?? []);

    private static Unsubscription Unsub(string? address, string? rule) => new(address, rule, Now);

    private static Mute Word(string? rule, string word) => new(rule, MuteKind.Word, word, Now);

    [Fact]
    public void No_choice_keeps_every_recipient_and_rule()
    {
        var outcome = ChoiceFilter.Apply(TwoRules, [A, B], SubscriberChoices.None("ops"), Now);

        outcome.IsSuppressed.ShouldBeFalse();
        outcome.Recipients.ShouldBe([A, B]);
        outcome.Rules.Select(r => r.RuleId).ShouldBe(["troops", "border"]);
    }

    [Fact]
    public void A_pause_suppresses_until_its_date_and_not_after()
    {
        var paused = Choices(pausedUntil: Now.AddDays(1));

        ChoiceFilter.Apply(TwoRules, [A], paused, Now).Suppressed.ShouldBe($"paused until {Now.AddDays(1):O}");
        ChoiceFilter.Apply(TwoRules, [A], paused, Now.AddDays(1)).IsSuppressed.ShouldBeFalse();
    }

    [Fact]
    public void An_address_unsubscribed_from_one_rule_keeps_the_other_and_the_other_address_keeps_both()
    {
        var outcome = ChoiceFilter.Apply(TwoRules, [A, B], Choices([Unsub("A@EXAMPLE.ORG", "troops")]), Now);

        outcome.Recipients.ShouldBe([A, B]);
        outcome.Rules.Select(r => r.RuleId).ShouldBe(["troops", "border"]);
    }

    [Fact]
    public void An_address_unsubscribed_from_every_rule_of_the_alert_is_dropped()
    {
        var outcome = ChoiceFilter.Apply(TwoRules, [A, B], Choices([Unsub(A, "troops"), Unsub(A, "border")]), Now);

        outcome.Recipients.ShouldBe([B]);
        outcome.Rules.Count.ShouldBe(2);
    }

    [Fact]
    public void Rules_only_dropped_addresses_received_are_dropped_with_them()
    {
        var alert = TestAlerts.Make("ops", "k", ruleIds: ["troops"]);

        var outcome = ChoiceFilter.Apply(alert, [A, B], Choices([Unsub(A, null)]), Now);

        outcome.Recipients.ShouldBe([B]);
        ChoiceFilter.Apply(TwoRules, [A, B], Choices([Unsub(A, null), Unsub(B, "border")]), Now).Rules.Select(r => r.RuleId).ShouldBe(["troops"]);
    }

    [Fact]
    public void Unsubscribing_every_address_from_a_rule_suppresses_an_alert_of_that_rule_alone()
    {
        var alert = TestAlerts.Make("ops", "k", ruleIds: ["troops"]);

        ChoiceFilter.Apply(alert, [A, B], Choices([Unsub(null, "troops")]), Now).Suppressed.ShouldBe("unsubscribed");
        ChoiceFilter.Apply(TwoRules, [A, B], Choices([Unsub(null, "troops")]), Now).Rules.Select(r => r.RuleId).ShouldBe(["border"]);
    }

    [Fact]
    public void A_rule_turned_off_does_not_count_and_all_off_suppresses()
    {
        ChoiceFilter.Apply(TwoRules, [A], Choices(rulesOff: ["troops"]), Now).Rules.Select(r => r.RuleId).ShouldBe(["border"]);
        ChoiceFilter.Apply(TwoRules, [A], Choices(rulesOff: ["troops", "border"]), Now).IsSuppressed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("TROOPS", true)]
    [InlineData("border", true)]
    [InlineData("overnight", true)]
    [InlineData("troop", false)]
    [InlineData("order", false)]
    [InlineData("massed at", true)]
    public void A_muted_word_counts_whole_and_in_any_case(string word, bool muted)
    {
        var alert = TestAlerts.Make("ops", "k", ruleIds: ["troops"]);

        ChoiceFilter.Apply(alert, [A], Choices(mutes: [Word(null, word)]), Now).IsSuppressed.ShouldBe(muted);
    }

    [Fact]
    public void A_word_muted_for_one_rule_leaves_the_others()
    {
        var outcome = ChoiceFilter.Apply(TwoRules, [A], Choices(mutes: [Word("troops", "border")]), Now);

        outcome.Rules.Select(r => r.RuleId).ShouldBe(["border"]);
    }

    [Fact]
    public void A_word_found_in_the_title_mutes_too()
    {
        var alert = TestAlerts.Make("ops", "k", title: "Election night", ruleIds: ["troops"]);

        ChoiceFilter.Apply(alert, [A], Choices(mutes: [Word(null, "election")]), Now).IsSuppressed.ShouldBeTrue();
    }

    [Fact]
    public void A_muted_link_suppresses_that_story_only()
    {
        var mute = new Mute(null, MuteKind.Link, "https://news.example.org/a", Now);

        ChoiceFilter.Apply(TwoRules, [A], Choices(mutes: [mute]), Now).Suppressed!.ShouldContain("story muted");
        ChoiceFilter.Apply(TestAlerts.Make("ops", "k2", link: "https://news.example.org/b"), [A], Choices(mutes: [mute]), Now).IsSuppressed.ShouldBeFalse();
    }

    [Fact]
    public void A_muted_story_suppresses_its_copies_from_other_feeds_and_no_other_story()
    {
        var story = TestAlerts.Make("ops", "k", title: "Troops gather near the northern border as talks stall", link: "https://wire.example.org/a");
        var mute = new Mute(null, MuteKind.Story, MutedStory.Value(Core.Stories.StoryPrint.Of(story.Item), "https://wire.example.org/a"), Now);
        var copy = TestAlerts.Make("ops", "k2", title: story.Item.Title + " - The Paper", feedId: "paper", link: "https://paper.example.com/x");
        var other = TestAlerts.Make("ops", "k3", title: "Harbour reopens after the storm passes the coast", link: "https://wire.example.org/b");

        mute.Label.ShouldBe("https://wire.example.org/a");
        ChoiceFilter.Apply(copy, [A], Choices(mutes: [mute]), Now).Suppressed.ShouldBe("story muted: https://wire.example.org/a");
        ChoiceFilter.Apply(other, [A], Choices(mutes: [mute]), Now).IsSuppressed.ShouldBeFalse();
    }

    [Fact]
    public void An_alert_without_rules_follows_only_what_covers_every_rule()
    {
        var notice = TwoRules with { Rules = [] };

        ChoiceFilter.Apply(notice, [A, B], Choices([Unsub(A, "troops")], rulesOff: ["troops"]), Now).Recipients.ShouldBe([A, B]);
        ChoiceFilter.Apply(notice, [A, B], Choices([Unsub(A, null)]), Now).Recipients.ShouldBe([B]);
    }

    [Fact]
    public void A_chosen_digest_replaces_the_configs_and_an_invalid_one_is_ignored()
    {
        var subscriber = new SubscriberDefinition { Id = "ops", Email = [A] };

        ChoiceFilter.Effective(subscriber, Choices(digest: "weekly mon 08:00")).Digest.ToString().ShouldBe("weekly mon 08:00");
        ChoiceFilter.Effective(subscriber, Choices(digest: "hourly-ish")).Digest.ShouldBe(DigestSchedule.Immediate);
        ChoiceFilter.Effective(subscriber, SubscriberChoices.None("ops")).ShouldBeSameAs(subscriber);
    }

    [Fact]
    public void An_address_unsubscribed_from_every_rule_leaves_the_subscribers_addresses_and_one_from_a_single_rule_stays()
    {
        var subscriber = new SubscriberDefinition { Id = "ops", Email = [A, B] };

        ChoiceFilter.Effective(subscriber, Choices([Unsub("B@example.org", null)])).Email.ShouldBe([A]);
        ChoiceFilter.Effective(subscriber, Choices([Unsub(B, "troops")])).Email.ShouldBe([A, B]);
    }
}
