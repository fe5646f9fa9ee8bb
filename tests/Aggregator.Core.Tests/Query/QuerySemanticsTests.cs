using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

public sealed class QuerySemanticsTests
{
    [Theory]
    // Words: case, plural folding, whole words only.
    [InlineData("border", "Troops at the border", true)]
    [InlineData("border", "Troops at the BORDERS", true)]
    [InlineData("borders", "Troops at the border", true)]
    [InlineData("policy", "New policies announced", true)]
    [InlineData("policies", "A new policy", true)]
    [InlineData("box", "Boxes were found", true)]
    [InlineData("boxes", "A box was found", true)]
    [InlineData("horse", "Horses escaped", true)]
    [InlineData("city", "Cities flooded", true)]
    [InlineData("church", "Churches closed", true)]
    [InlineData("troops", "The troopship sailed", false)]
    [InlineData("troop", "The troopship sailed", false)]
    [InlineData("border", "Borderlands", false)]
    [InlineData("news", "A new law", false)]
    [InlineData("order", "The border closed", false)]
    // Diacritics and case folding, both ways.
    [InlineData("cafe", "Café opens", true)]
    [InlineData("Café", "cafe opens", true)]
    [InlineData("krakow", "Protest in Kraków", true)]
    [InlineData("naive", "A naïve plan", true)]
    [InlineData("strasse", "Die Straße ist gesperrt", true)]
    [InlineData("Straße", "STRASSE gesperrt", true)]
    [InlineData("lodz", "Łódź votes", true)]
    [InlineData("orsted", "Ørsted results", true)]
    [InlineData("dakovic", "Đaković wins", true)]
    // Exact quoted words and phrases: no plural folding, consecutive words.
    [InlineData("\"border\"", "Troops at the borders", false)]
    [InlineData("\"border\"", "Troops at the Border", true)]
    [InlineData("\"borders\"", "Troops at the border", false)]
    [InlineData("\"security guarantees\"", "Talks on Security Guarantees today", true)]
    [InlineData("\"security guarantees\"", "Talks on security and guarantees", false)]
    [InlineData("\"security guarantees\"", "Talks on security guarantee", false)]
    [InlineData("\"guarantees security\"", "Talks on security guarantees", false)]
    [InlineData("\"cafe noir\"", "Café Noir opens", true)]
    // Prefix.
    [InlineData("troop*", "The troopship sailed", true)]
    [InlineData("troop*", "Troops moved", true)]
    [InlineData("troop*", "Retroop happened", false)]
    // Boolean operators and precedence.
    [InlineData("troops AND border", "Troops reach the border", true)]
    [InlineData("troops AND border", "Troops reach the river", false)]
    [InlineData("troops border", "Troops reach the border", true)]
    [InlineData("troops border", "Troops reach the river", false)]
    [InlineData("troops OR border", "The river border", true)]
    [InlineData("troops OR border", "The river", false)]
    [InlineData("NOT troops", "The river", true)]
    [InlineData("NOT troops", "Troops at the river", false)]
    [InlineData("-troops", "The river", true)]
    [InlineData("river -troops", "Troops at the river", false)]
    [InlineData("river -troops", "Boats at the river", true)]
    [InlineData("river NOT troops", "Boats at the river", true)]
    [InlineData("a OR b AND c", "a only", true)]
    [InlineData("a OR b AND c", "b only", false)]
    [InlineData("a OR b AND c", "b and c", true)]
    [InlineData("(a OR b) AND c", "a only", false)]
    [InlineData("(a OR b) AND c", "a with c", true)]
    [InlineData("NOT a OR b", "a and b", true)]
    [InlineData("NOT a OR b", "a alone", false)]
    [InlineData("NOT (a OR b)", "c alone", true)]
    [InlineData("NOT (a OR b)", "b alone", false)]
    [InlineData("NOT NOT a", "a alone", true)]
    // Lowercase operators are ordinary words.
    [InlineData("war and peace", "War and peace", true)]
    [InlineData("war and peace", "War or peace", false)]
    [InlineData("war or peace", "War", false)]
    [InlineData("not guilty", "Not guilty verdict", true)]
    // A bare run with separators is a phrase of folded words.
    [InlineData("covid-19", "Covid 19 cases", true)]
    [InlineData("covid-19", "Covid cases rose to 19", false)]
    // CJK: each Han/kana character is a word; a query word matches inside a longer run.
    [InlineData("東京", "大阪と東京都の天気", true)]
    [InlineData("東京", "京東の天気", false)]
    [InlineData("\"東京\"", "大阪と東京都の天気", true)]
    [InlineData("カタカナ", "これはカタカナです", true)]
    [InlineData("京", "東京都", true)]
    public void Query_matches_title(string query, string title, bool expected) =>
        Matches(query, Item(title: title)).ShouldBe(expected, $"{query} on '{title}'");

    [Fact]
    public void Phrase_never_spans_two_fields()
    {
        var item = Item(title: "Talks on security", summary: "guarantees were given");
        Matches("\"security guarantees\"", item).ShouldBeFalse();
        Matches("security guarantees", item).ShouldBeTrue();
    }

    [Fact]
    public void Phrase_never_spans_two_categories()
    {
        var item = Item(categories: ["Security", "Guarantees"]);
        Matches("\"security guarantees\"", item).ShouldBeFalse();
        Matches("category:security AND category:guarantees", item).ShouldBeTrue();
    }

    [Theory]
    [InlineData("title", true)]
    [InlineData("summary", true)]
    [InlineData("content", true)]
    [InlineData("category", true)]
    [InlineData("author", false)]
    [InlineData("link", false)]
    public void Default_fields_are_title_summary_content_and_category(string field, bool expected)
    {
        var item = field switch
        {
            "title" => Item(title: "troops"),
            "summary" => Item(summary: "troops"),
            "content" => Item(content: "troops"),
            "category" => Item(categories: ["Troops"]),
            "author" => Item(authors: ["Troops"]),
            _ => Item(link: "https://example.org/troops"),
        };
        Matches("troops", item).ShouldBe(expected);
        Matches(field + ":troops", item).ShouldBeTrue();
    }

    [Fact]
    public void Author_and_link_are_not_default_fields()
    {
        var item = Item(title: "x", authors: ["Jane Troops"], link: "https://example.org/troops");
        Matches("troops", item).ShouldBeFalse();
        Matches("author:troops", item).ShouldBeTrue();
        Matches("link:troops", item).ShouldBeTrue();
    }

    [Fact]
    public void Html_entities_and_markup_never_reach_matching_because_fields_are_plain_text()
    {
        var item = Item(summary: Aggregator.Core.Text.HtmlText.ToPlainText("<p>Caf&eacute;</p><p>noir</p>"));
        Matches("cafe", item).ShouldBeTrue();
        Matches("eacute", item).ShouldBeFalse();
    }
}
