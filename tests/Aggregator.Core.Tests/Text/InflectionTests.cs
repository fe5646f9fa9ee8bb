using Aggregator.Core.Text;

namespace Aggregator.Core.Tests.Text;

/// <summary>The forms a bare query word expands to: real English inflection, never another word.</summary>
public sealed class InflectionTests
{
    [Theory]
    // Regular.
    [InlineData("border", "borders")]
    [InlineData("policy", "policies")]
    [InlineData("box", "boxes")]
    [InlineData("refugee", "refugees")]
    [InlineData("employee", "employees")]
    [InlineData("degree", "degrees")]
    [InlineData("guarantee", "guarantees")]
    [InlineData("committee", "committees")]
    [InlineData("horse", "horses")]
    [InlineData("city", "cities")]
    [InlineData("day", "days")]
    [InlineData("church", "churches")]
    [InlineData("monarch", "monarchs")]
    [InlineData("class", "classes")]
    [InlineData("tie", "ties")]
    [InlineData("hero", "heroes")]
    [InlineData("photo", "photos")]
    [InlineData("militia", "militias")]
    [InlineData("idea", "ideas")]
    [InlineData("israeli", "israelis")]
    [InlineData("bus", "buses")]
    [InlineData("bonus", "bonuses")]
    [InlineData("cause", "causes")]
    [InlineData("cookie", "cookies")]
    [InlineData("tax", "taxes")]
    [InlineData("taxi", "taxis")]
    [InlineData("bias", "biases")]
    [InlineData("gunman", "gunmen")]
    [InlineData("german", "germans")]
    [InlineData("ache", "aches")]
    [InlineData("1990", "1990s")]
    // Irregular.
    [InlineData("knife", "knives")]
    [InlineData("crisis", "crises")]
    [InlineData("child", "children")]
    [InlineData("person", "people")]
    [InlineData("man", "men")]
    [InlineData("woman", "women")]
    [InlineData("analysis", "analyses")]
    [InlineData("criterion", "criteria")]
    [InlineData("mouse", "mice")]
    [InlineData("life", "lives")]
    [InlineData("index", "indices")]
    [InlineData("ad", "ads")]
    // Words that are not English follow the same rules.
    [InlineData("iran", "irans")]
    public void Singular_and_plural_expand_to_each_other(string singular, string plural)
    {
        Inflection.FormsOf(singular).ShouldContain(plural);
        Inflection.FormsOf(plural).ShouldContain(singular);
        Inflection.FormsOf(singular)[0].ShouldBe(singular, "the word itself comes first");
    }

    /// <summary>Query word <c>a</c> never matches text word <c>b</c>.</summary>
    [Theory]
    [InlineData("car", "care")]
    [InlineData("care", "car")]
    [InlineData("pope", "pop")]
    [InlineData("plane", "plan")]
    [InlineData("ukraine", "ukrain")]
    [InlineData("refugees", "refuge")]
    [InlineData("news", "new")]
    [InlineData("pop", "pope")]
    [InlineData("plan", "plane")]
    [InlineData("fin", "fine")]
    [InlineData("stat", "state")]
    [InlineData("franc", "france")]
    [InlineData("ukrain", "ukraine")]
    [InlineData("refuge", "refugees")]
    [InlineData("refuge", "refugee")]
    [InlineData("new", "news")]
    [InlineData("troop", "troopship")]
    [InlineData("order", "border")]
    [InlineData("status", "stat")]
    [InlineData("us", "u")]
    [InlineData("gas", "ga")]
    [InlineData("paris", "pari")]
    [InlineData("hamas", "hama")]
    [InlineData("isis", "isi")]
    [InlineData("economics", "economic")]
    [InlineData("safe", "saves")]
    [InlineData("cafe", "caves")]
    [InlineData("taxes", "taxis")]
    [InlineData("lives", "live")]
    [InlineData("is", "are")]
    [InlineData("this", "these")]
    [InlineData("omen", "oman")]
    [InlineData("uses", "us")]
    [InlineData("toes", "to")]
    [InlineData("aches", "ach")]
    [InlineData("horses", "hors")]
    public void Never_another_word(string a, string b) => Inflection.FormsOf(a).ShouldNotContain(b);

    [Theory]
    [InlineData("news")]
    [InlineData("series")]
    [InlineData("species")]
    [InlineData("sheep")]
    [InlineData("this")]
    [InlineData("always")]
    [InlineData("un")]
    [InlineData("eu")]
    public void Uncountable_and_short_words_stand_as_they_are(string word) =>
        Inflection.FormsOf(word).ShouldBe([word]);

    [Fact]
    public void A_word_with_several_plurals_knows_them_all() =>
        Inflection.FormsOf("person").ShouldBe(["person", "people", "persons"]);
}
