using Aggregator.Core.Query;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

/// <summary>The finer points of the query language (the contract's section 3), on constructed items.</summary>
public sealed class FinerPointsTests
{
    [Theory]
    // A bare word matches its English singular and plural forms, regular and irregular.
    [InlineData("refugee", "Refugees cross the border", true)]
    [InlineData("refugees", "A refugee crossed", true)]
    [InlineData("employee", "Employees strike", true)]
    [InlineData("degree", "Two degrees warmer", true)]
    [InlineData("guarantee", "Security guarantees", true)]
    [InlineData("committee", "Committees meet", true)]
    [InlineData("knife", "Knives seized", true)]
    [InlineData("crisis", "Crises multiply", true)]
    [InlineData("crises", "A crisis looms", true)]
    [InlineData("child", "Children evacuated", true)]
    [InlineData("children", "A child evacuated", true)]
    [InlineData("person", "Ten people hurt", true)]
    [InlineData("man", "Two men arrested", true)]
    [InlineData("analysis", "Analyses differ", true)]
    [InlineData("criterion", "New criteria", true)]
    [InlineData("mouse", "Mice in the kitchen", true)]
    [InlineData("Irans", "Iran talks", true)]
    // ...and never a different word that shares letters.
    [InlineData("car", "Health care reform", false)]
    [InlineData("pop", "The Pope visits", false)]
    [InlineData("plan", "Plane crash", false)]
    [InlineData("fin", "Fine weather", false)]
    [InlineData("stat", "State visit", false)]
    [InlineData("franc", "France votes", false)]
    [InlineData("ukrain", "Ukraine talks", false)]
    [InlineData("refuge", "Refugees arrive", false)]
    [InlineData("new", "The news today", false)]
    [InlineData("news", "A new law", false)]
    [InlineData("series", "A serie of events", false)]
    [InlineData("car", "Cars banned", true)]
    [InlineData("pope", "Popes met", true)]
    // Quoted words are exact.
    [InlineData("\"refugee\"", "Refugees cross", false)]
    [InlineData("\"children\"", "A child", false)]
    public void Bare_words_match_their_inflections_and_nothing_else(string query, string title, bool expected) =>
        Matches(query, Item(title: title)).ShouldBe(expected, $"{query} on '{title}'");

    [Theory]
    [InlineData("elect*", "Voitures électriques", true)]
    [InlineData("électriques", "VOITURES ELECTRIQUES", true)]
    [InlineData("2026", "Budget ２０２６", true)]
    [InlineData("finance", "ﬁnance minister", true)]
    [InlineData("strasse", "Hauptstraße gesperrt", false)]
    [InlineData("hauptstrasse", "Hauptstraße gesperrt", true)]
    [InlineData("straß*", "Straßenbahn", true)]
    [InlineData("oresund", "Øresund bridge", true)]
    [InlineData("\"world war ii\"", "World War Ⅱ", true)]
    [InlineData("\"コーヒー\"", "コーヒーの値段", true)]
    [InlineData("\"ヒー\"", "コーヒー", true)]
    [InlineData("\"ヒ\"", "コーヒー", false)]
    [InlineData("\"ジョー バイデン\"", "ジョー・バイデン大統領", true)]
    public void Text_query_and_prefixes_are_normalised_alike(string query, string title, bool expected) =>
        Matches(query, Item(title: title)).ShouldBe(expected, $"{query} on '{title}'");

    [Theory]
    [InlineData("Ukraine's", "Ukraine's president", true)]
    [InlineData("Ukraine's", "Ukraine president", false)]
    [InlineData("Covid-19", "Covid 19 cases", true)]
    [InlineData("covid-19", "19 Covid cases", false)]
    [InlineData("U.S.", "U.S. troops", true)]
    [InlineData("U.S.", "US troops", false)]
    [InlineData("co-ordinated", "A co-ordinated attack", true)]
    [InlineData("F-16", "More F-16s delivered", true)]
    [InlineData("Ukraine", "Ukraine's president", true)]
    public void A_bare_term_that_punctuation_splits_is_a_phrase_with_its_last_word_inflected(string query, string title, bool expected) =>
        Matches(query, Item(title: title)).ShouldBe(expected, $"{query} on '{title}'");

    [Theory]
    [InlineData("NOT troops NEAR/3 border", "troops reached the border", false)]
    [InlineData("NOT troops NEAR/3 border", "troops reached the far away border", true)]
    [InlineData("-troops NEAR/3 border", "troops reached the border", false)]
    [InlineData("rain OR troops NEAR/3 border", "troops reached the far away border", false)]
    [InlineData("rain OR troops NEAR/3 border", "troops reached the border", true)]
    [InlineData("dawn troops NEAR/3 border", "troops reached the border at dawn", true)]
    [InlineData("dawn troops NEAR/2 border", "troops reached the border at dawn", false)]
    public void Near_groups_before_boolean_operators(string query, string summary, bool expected) =>
        Matches(query, Item(summary: summary)).ShouldBe(expected, $"{query} on '{summary}'");

    [Fact]
    public void Near_counts_from_the_nearest_word_of_a_phrase()
    {
        var item = Item(summary: "security guarantees for Ukraine");
        Matches("\"security guarantees\" NEAR/2 ukraine", item).ShouldBeTrue("guarantees is 2 words from Ukraine");
        Matches("\"security guarantees\" NEAR/1 ukraine", item).ShouldBeFalse();
    }

    [Fact]
    public void Near_never_spans_two_categories_or_authors()
    {
        var item = Item(categories: ["Troops", "Border"], authors: ["Ann Troops", "Border Bob"]);
        Matches("category:(troops NEAR/5 border)", item).ShouldBeFalse();
        Matches("author:(troops NEAR/5 border)", item).ShouldBeFalse();
        Matches("author:\"troops border\"", item).ShouldBeFalse();
        Matches("author:\"ann troops\"", item).ShouldBeTrue();
    }

    [Fact]
    public void Regex_runs_on_each_category_on_its_own()
    {
        var item = Item(title: "Budget vote", categories: ["Europe", "Politics"]);
        Matches("/^politics$/", item).ShouldBeTrue("^ and $ are the bounds of one category");
        Matches("/europe, politics/", item).ShouldBeFalse("categories are never joined for a regex");
        Matches("/^budget/", item).ShouldBeTrue();
        Matches("/^vote/", item).ShouldBeFalse();
        var explained = Run("/^politics$/", item).Single().Matches.Single();
        explained.Field.ShouldBe("category");
        explained.Start.ShouldBe("Europe, ".Length, "offsets index into the field's plain text");
    }

    [Fact]
    public void Regex_scoped_to_a_field_and_with_an_escaped_slash()
    {
        var item = Item(title: "Sales and/or rentals", summary: "Breaking: sales");
        Matches("title:/^breaking/", item).ShouldBeFalse();
        Matches("summary:/^breaking/", item).ShouldBeTrue();
        Matches("/and\\/or/", item).ShouldBeTrue();
        Matches("summary:/and\\/or/", item).ShouldBeFalse();
    }

    [Fact]
    public void Feed_matches_the_feeds_id_and_its_title()
    {
        var index = RuleIndex.Build([new RuleDefinition("by-id", "feed:world-news", null), new RuleDefinition("by-title", "feed:\"the guardian\"", null)]);
        var item = Item(title: "Budget vote");
        index.Match(item, "world-news", "The Guardian", null).Select(m => m.RuleId).ShouldBe(["by-id", "by-title"]);
        index.Match(item, "world-news", null, null).Select(m => m.RuleId).ShouldBe(["by-id"]);
        index.Match(item, "local", "Guardian", null).ShouldBeEmpty();
        RuleIndex.Build([new RuleDefinition("span", "feed:\"news the\"", null)]).Match(item, "world-news", "The Guardian", null)
            .ShouldBeEmpty("the id and the title are separate values");
    }

    [Fact]
    public void A_colon_inside_a_quoted_phrase_is_text() =>
        Matches("\"talks at 10:30\"", Item(title: "Talks at 10:30 today")).ShouldBeTrue();
}
