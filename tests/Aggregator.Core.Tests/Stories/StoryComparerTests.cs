using Aggregator.Core.Stories;

namespace Aggregator.Core.Tests.Stories;

public sealed class StoryComparerTests
{
    private const string Title = "Traffickers exploiting young refugees in French camps, says Unicef";
    private const string Summary = "Report says children have been subjected to sexual violence, and open letter calls on UK to act "
        + "more quickly. Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit "
        + "crimes by traffickers, according to a Unicef report.";

    [Fact]
    public void A_syndicated_copy_with_a_new_title_suffix_and_dateline_is_the_same_story()
    {
        var source = StoryPrint.Of(Title, "https://www.theguardian.com/world/2016/jun/14/unicef", Summary);
        var copy = StoryPrint.Of(Title + " - Reuters", "https://wire.example.com/unicef-calais?utm_source=rss", "(Reuters) - " + Summary);

        StoryComparer.Compare(source, copy).ShouldBe(StoryMatch.Title);
        source.Keys.Intersect(copy.Keys).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_copy_under_another_title_is_found_by_its_text_through_a_shared_band_key()
    {
        var source = StoryPrint.Of(Title, "https://www.theguardian.com/world/2016/jun/14/unicef", Summary);
        var copy = StoryPrint.Of("Unicef: traffickers exploit young refugees in French camps", "https://wire.example.com/x", Summary);

        StoryComparer.Compare(source, copy).ShouldBe(StoryMatch.Text);
        source.Keys.Skip(2).Intersect(copy.Keys.Skip(2)).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_same_link_with_agreeing_text_is_the_same_story()
    {
        var a = StoryPrint.Of("Rochdale v York City: Their day, until it wasn't - the title decider that had it all",
            "https://www.bbc.com/sport/football/articles/c62kpkm1l80o?at_medium=RSS", "Two goals in stoppage time and pitch invasions by both sets of fans.");
        var b = StoryPrint.Of("Their day, until it wasn't - the title decider that had it all",
            "http://bbc.com/sport/football/articles/c62kpkm1l80o/", "Two goals in stoppage time and pitch invasions by both sets of fans.");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.Link);
    }

    [Fact]
    public void The_same_link_with_unrelated_text_is_not()
    {
        // A site that points every notice at one index page.
        var a = StoryPrint.Of("Minimum wage data and statistics published for 2026", "https://example.go.jp/index.html", "");
        var b = StoryPrint.Of("National skills competition to be held in 2028", "https://example.go.jp/index.html", "");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void Two_notices_from_one_template_are_different_stories_even_under_one_link()
    {
        const string link = "https://www.bousai.go.jp/kohou/oshirase/r8oshirase.html";
        var a = StoryPrint.Of("令和八年熊本地震による災害についての激甚災害及びこれに対し適用すべき措置の指定見込みについて", link,
            "2026年8月4日 内閣府 令和八年熊本地震による災害についての激甚災害及びこれに対し適用すべき措置の指定見込みについて");
        var b = StoryPrint.Of("令和八年熊本地震による災害についての特定非常災害及びこれに対し適用すべき措置の指定見込みについて", link,
            "2026年8月4日 内閣府 令和八年熊本地震による災害についての特定非常災害及びこれに対し適用すべき措置の指定見込みについて");

        StoryComparer.Similarity(a, b).ShouldBeGreaterThan(0.7, "the texts are nearly the same");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void Scores_or_magnitudes_swapped_in_one_sentence_are_different_stories()
    {
        const string summary = "The quake struck at a shallow depth early on Tuesday, the meteorological agency said, and no tsunami warning was issued for the coast.";
        var a = StoryPrint.Of("Earthquake of magnitude 6.1 strikes off Kumamoto coast", "https://example.com/1", summary);
        var b = StoryPrint.Of("Earthquake of magnitude 5.4 strikes off Kumamoto coast", "https://example.com/2", summary);
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void A_reordered_title_is_no_template_variant()
    {
        var a = StoryPrint.Of("電動車は災害時に医療機器への非常用電源としても使えます", null, "2026年8月5日 経済産業省 電動車は災害時に医療機器への非常用電源としても使えます");
        var b = StoryPrint.Of("災害時に電動車は医療機器への非常用電源としても使えます", null, "2026年8月5日 国土交通省 災害時に電動車は医療機器への非常用電源としても使えます");
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.Text);
    }

    [Fact]
    public void Very_short_texts_never_match_by_text()
    {
        var a = StoryPrint.Of("Storm warning", null, "Gales expected.");
        var b = StoryPrint.Of("Storm warning", null, "Gales expected.");
        a.Signature.ShouldBeEmpty();
        StoryComparer.Compare(a, b).ShouldBe(StoryMatch.None);
    }

    [Fact]
    public void Comparing_is_symmetric()
    {
        var a = StoryPrint.Of(Title, "https://example.com/a", Summary);
        var b = StoryPrint.Of("Unicef: traffickers exploit young refugees in French camps", "https://example.com/b", Summary);
        StoryComparer.Compare(a, b).ShouldBe(StoryComparer.Compare(b, a));
    }
}
