using Aggregator.Core.Query;
using Aggregator.Core.Query.Matching;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class RegexTests
{
    [Theory]
    [InlineData("/troop(s|ship)/", "The TROOPSHIP", true)]
    [InlineData("/\\bborder\\b/", "borders", false)]
    [InlineData("/\\d{4}-\\d{2}/", "Report 2026-11 published", true)]
    [InlineData("/\\d{4}-\\d{2}/", "Report 2026 published", false)]
    [InlineData("/security guarantees/", "Security guarantees", true)]
    [InlineData("/^breaking/", "Breaking: news", true)]
    [InlineData("/^breaking/", "Not breaking", false)]
    [InlineData("/a\\/b/", "path a/b here", true)]
    [InlineData("/東京/", "大阪と東京都", true)]
    public void Regex_matches_case_insensitively(string query, string title, bool expected) =>
        Matches(query, Item(title: title)).ShouldBe(expected);

    [Fact]
    public void Regex_never_spans_two_fields()
    {
        Matches("/security.*guarantees/", Item(title: "security", summary: "guarantees")).ShouldBeFalse();
    }

    [Fact]
    public void Regex_that_times_out_counts_as_no_match()
    {
        var text = new string('a', 40_000) + "!";
        Matches("/(a+)+b/", Item(content: text)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("\\btroop(s|ship)", "Prefix:troop")]
    [InlineData("^breaking news", "Prefix:breaking")]
    [InlineData("security guarantees", "Prefix:guarantees")]
    [InlineData("\\bcolou?r\\b", "Prefix:colo")]
    [InlineData("\\bpolicy|\\bpolicies", "Prefix:policy,Prefix:policies")]
    [InlineData("a\\.net", "Prefix:net")]
    [InlineData("東京", "Exact:東")]
    [InlineData("x東京", "Exact:東")]
    public void Prefilter_finds_required_words(string pattern, string expected)
    {
        var literals = RegexPrefilter.RequiredLiterals(pattern);
        literals.ShouldNotBeNull();
        string.Join(',', literals.Select(l => $"{(l.IsPrefix ? "Prefix" : "Exact")}:{l.Key}")).ShouldBe(expected);
    }

    [Theory]
    [InlineData("troop")]
    [InlineData("\\d+")]
    [InlineData("(troop|army)s")]
    [InlineData("\\btroop|.*")]
    [InlineData("[a-z]+ship")]
    [InlineData("(?x) \\b troop")]
    [InlineData(" ?troop")]
    public void Prefilter_gives_up_when_unsure(string pattern) =>
        RegexPrefilter.RequiredLiterals(pattern).ShouldBeNull();

    [Fact]
    public void Prefiltered_regex_still_matches_every_item_it_should()
    {
        // The prefilter may only skip items the regex cannot match.
        Matches("/\\bcolou?r\\b/", Item(title: "Color film")).ShouldBeTrue();
        Matches("/\\bcolou?r\\b/", Item(title: "Colour film")).ShouldBeTrue();
        Matches("/ troop/", Item(title: "the Troopship")).ShouldBeTrue();
        Matches("/a\\.net/", Item(title: "ASP.NET")).ShouldBeFalse();
        Matches("/p\\.net/", Item(title: "ASP.NET")).ShouldBeTrue();
    }

    [Fact]
    public void Warnings_name_a_regex_without_prefilter()
    {
        var warnings = RuleIndex.Warnings("troops OR /\\d+ dead/ OR /\\d+/");
        var warning = warnings.ShouldHaveSingleItem();
        warning.Message.ShouldBe("regex /\\d+/ has no literal prefilter; it runs on every item");
        warning.Column.ShouldBe(25);
        RuleIndex.Warnings("troops AND /\\d+/").ShouldBeEmpty();
        RuleIndex.Warnings("/\\bdead\\b/").ShouldBeEmpty();
        RuleIndex.Warnings("/dead/").ShouldHaveSingleItem().Column.ShouldBe(1);
    }

    [Fact]
    public void Warnings_name_a_query_without_positive_terms()
    {
        RuleIndex.Warnings("NOT troops").ShouldHaveSingleItem().Message.ShouldContain("without any of its words");
        RuleIndex.Warnings("troops -army").ShouldBeEmpty();
    }
}
