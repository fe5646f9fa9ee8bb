using Aggregator.Core.Stories;

namespace Aggregator.Core.Tests.Stories;

public sealed class StoryPrintTests
{
    private const string Title = "Quake of magnitude 6.1 strikes off Kumamoto, cutting power to thousands of homes";
    private const string Summary = "A strong earthquake struck off the coast of Kumamoto prefecture on Tuesday morning, "
        + "cutting electricity to about 40,000 households and halting bullet trains, the Japan Meteorological Agency and "
        + "Kyushu Electric Power said. No tsunami warning was issued.";

    [Fact]
    public void A_print_has_a_link_key_a_title_key_and_one_key_per_band_all_different()
    {
        var print = StoryPrint.Of(Title, "https://example.com/quake?utm_source=rss", Summary);

        print.CanonicalLink.ShouldBe("example.com/quake");
        print.Keys.Count.ShouldBe(2 + StoryParameters.Bands);
        print.Keys.Distinct().Count().ShouldBe(print.Keys.Count);
    }

    [Fact]
    public void Keys_are_the_same_on_every_run()
    {
        // Keys live in the database: any change to hashing or shingling must come with a new print version.
        var print = StoryPrint.Of(Title, "https://example.com/quake", Summary);
        var again = StoryPrint.Of(Title, "https://example.com/quake", Summary);
        print.Keys.ShouldBe(again.Keys);
        print.Keys[0].ShouldBe(unchecked((long)StoryHash.Of(StoryHash.LinkKind, "example.com/quake")));
        StoryHash.Of(StoryHash.LinkKind, "example.com/quake").ShouldBe(11347847324025759484UL);
    }

    [Fact]
    public void A_link_key_never_equals_a_title_key_for_the_same_text()
    {
        var text = "example com quake";
        StoryHash.Of(StoryHash.LinkKind, text).ShouldNotBe(StoryHash.Of(StoryHash.TitleKind, text));
    }

    [Theory]
    [InlineData("Live updates")]
    [InlineData("Weather")]
    [InlineData("Briefing")]
    [InlineData("News in brief")]
    [InlineData("What we know so far")]
    [InlineData("Your Tuesday Briefing - The New York Times")]
    [InlineData("天気")]
    [InlineData("速報ニュース")]
    public void Short_or_generic_titles_have_no_title_key_and_match_nothing_by_title(string title)
    {
        var a = StoryPrint.Of(title, "https://example.com/1", "");
        var b = StoryPrint.Of(title, "https://example.org/2", "");

        a.Keys.Count.ShouldBe(1, "only the link key: the title is not informative and there is no text to sign");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void An_empty_summary_still_matches_by_an_informative_title()
    {
        var a = StoryPrint.Of("Bundestag beschließt Tankrabatt für zwei Monate", "https://example.de/a", "");
        var b = StoryPrint.Of("Bundestag beschließt Tankrabatt für zwei Monate | Example Zeitung", "https://example.com/b", "");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.Title);
    }

    [Fact]
    public void Empty_everything_makes_a_print_without_keys()
    {
        var print = StoryPrint.Of("", null, "");
        print.CanonicalLink.ShouldBeNull();
        print.Keys.ShouldBeEmpty();
        StoryComparer.Compare(print, StoryPrint.Of("", null, "")).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void Japanese_is_read_by_character_pairs_and_matches_a_light_copy()
    {
        const string title = "令和8年熊本地震における船舶活用医療の実施について";
        const string summary = "内閣府は5日、令和8年熊本地震の被災地で病院船を活用した医療を実施すると発表した。被災者の診療に当たる。";
        var source = StoryPrint.Of(title, "https://www.bousai.go.jp/a.html", summary);
        var copy = StoryPrint.Of(title + " - 共同通信", "https://news.example.jp/b", summary[..^9]);

        source.CjkText.ShouldBeTrue();
        source.Keys.Count.ShouldBeGreaterThan(2);
        StoryComparer.Compare(source, copy).ShouldBe(StoryMatch.Title);
        var retitled = StoryPrint.Of("病院船で被災地医療、熊本地震", "https://news.example.jp/c", summary);
        StoryComparer.Compare(source, retitled).ShouldBe(StoryMatch.Text, "a new headline over the same lead");
        var other = StoryPrint.Of("令和8年熊本地震に関する特別行政相談", "https://news.example.jp/d", "総務省は4日、令和8年熊本地震の被災者を対象とする特別行政相談を開設すると発表した。");
        StoryComparer.Compare(source, other).ShouldBe(StoryMatch.None, "one quake, another notice");
    }

    [Fact]
    public void Case_diacritics_quotes_and_entities_do_not_make_two_copies_differ()
    {
        var a = StoryPrint.Of("Le pouvoir saoudien accroît la pression sur les défenseurs des droits des femmes", null,
            "Une nouvelle militante féministe, l’universitaire Hatoon Al-Fassi, a été arrêtée, alors que les Saoudiennes viennent d’obtenir le droit de conduire.");
        var b = StoryPrint.Of("LE POUVOIR SAOUDIEN ACCROIT LA PRESSION SUR LES DEFENSEURS DES DROITS DES FEMMES", null,
            "Une nouvelle militante feministe, l&#39;universitaire Hatoon Al-Fassi, a ete arretee, alors que les Saoudiennes viennent d'obtenir le droit de conduire.");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.Title);
        StoryComparer.Similarity(a, b).ShouldBeGreaterThan(0.9);
    }
}
