using Aggregator.Configuration;
using Aggregator.Core.Opml;

namespace Aggregator.Tests.Opml;

public sealed class OpmlImportPlanTests
{
    [Theory]
    [InlineData("Café Zürich — Straße & Œuvres", "cafe-zurich-strasse-oeuvres")]
    [InlineData("  --Hacker News: Front Page!--  ", "hacker-news-front-page")]
    [InlineData("Ørsted's blog_2024", "orsteds-blog-2024")]
    [InlineData("Joel’s Notes", "joels-notes")]
    [InlineData("A very long title that goes on and on well past forty characters", "a-very-long-title-that-goes-on-and-on-we")]
    public void Ids_are_ascii_slugs_of_the_title(string title, string id)
    {
        var plan = Plan([Subscription(title, "https://a.example/feed")]);

        plan.NewFeeds.ShouldHaveSingleItem().Id.ShouldBe(id);
        IdRegistry.IsValid(id).ShouldBeTrue();
    }

    [Theory]
    [InlineData("雪球", "https://www.xueqiu.com/hots/topic/rss", "xueqiu-com-hots-topic-rss")]
    [InlineData("Новости", "https://lenta.ru/rss/", "lenta-ru-rss")]
    [InlineData("", "http://example.org:8080/", "example-org")]
    public void A_title_without_latin_letters_takes_its_id_from_the_url(string title, string url, string id)
    {
        Plan([Subscription(title, url)]).NewFeeds.ShouldHaveSingleItem().Id.ShouldBe(id);
    }

    [Fact]
    public void Ids_are_made_unique_against_the_configuration_and_each_other()
    {
        var plan = Plan(
            [Subscription("News", "https://a.example/"), Subscription("News", "https://b.example/"), Subscription("News", "https://c.example/")],
            [new("news", "https://z.example/"), new("news-3", "https://y.example/")]);

        plan.NewFeeds.Select(f => f.Id).ShouldBe(["news-2", "news-4", "news-5"]);
    }

    [Fact]
    public void A_numbered_id_stays_within_the_length_of_ids()
    {
        var title = new string('x', 60);
        var plan = Plan([Subscription(title, "https://a.example/"), Subscription(title, "https://b.example/")]);

        plan.NewFeeds[1].Id.ShouldBe(new string('x', 38) + "-2");
    }

    [Fact]
    public void Folders_become_slugged_tags_without_repeats()
    {
        var plan = Plan([Subscription("A", "https://a.example/", "Tech News", "tech news", "Sécurité", "日本")]);

        plan.NewFeeds.ShouldHaveSingleItem().Tags.ShouldBe(["tech-news", "securite"]);
    }

    [Theory]
    [InlineData("https://example.org/feed", "HTTPS://EXAMPLE.ORG/feed")]
    [InlineData("https://example.org/feed", "https://example.org/feed/")]
    [InlineData("https://example.org/feed", "https://example.org:443/feed")]
    [InlineData("https://example.org/feed", "https://example.org/feed#top")]
    [InlineData("http://example.org", "http://example.org/")]
    public void Urls_that_differ_only_in_form_are_duplicates(string existing, string imported)
    {
        var plan = Plan([Subscription("Same", imported)], [new("same", existing)]);

        plan.NewFeeds.ShouldBeEmpty();
        var duplicate = plan.Duplicates.ShouldHaveSingleItem();
        (duplicate.Url, duplicate.DuplicateOfId, duplicate.InConfiguration).ShouldBe((imported, "same", true));
    }

    [Theory]
    [InlineData("https://example.org/feed", "http://example.org/feed")]
    [InlineData("https://example.org/feed", "https://example.org/Feed")]
    [InlineData("https://example.org/feed?a=1", "https://example.org/feed?a=2")]
    [InlineData("https://example.org/feed", "https://example.org:8443/feed")]
    [InlineData("https://example.org/feed", "https://reader:secret@example.org/feed")]
    public void Urls_that_can_name_another_resource_are_not_duplicates(string existing, string imported)
    {
        var plan = Plan([Subscription("Other", imported)], [new("same", existing)]);

        plan.Duplicates.ShouldBeEmpty();
        plan.NewFeeds.ShouldHaveSingleItem().Url.ShouldBe(imported);
    }

    [Fact]
    public void Skipped_outlines_of_the_file_are_carried_into_the_plan()
    {
        var document = OpmlReader.Default.Read("""<opml version="2.0"><head/><body><outline text="x" xmlUrl="ftp://x.example/"/></body></opml>""").Document!;

        var plan = OpmlImportPlan.Create(document, []);

        plan.NewFeeds.ShouldBeEmpty();
        plan.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("'ftp'");
    }

    private static OpmlSubscription Subscription(string title, string url, params string[] folders) => new(url, title, null, folders);

    private static OpmlImportPlan Plan(OpmlSubscription[] subscriptions, ExistingFeed[]? existing = null) =>
        OpmlImportPlan.Create(new OpmlDocument(null, subscriptions, [], []), existing ?? []);
}
