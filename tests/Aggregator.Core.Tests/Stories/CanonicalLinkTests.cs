using Aggregator.Core.Stories;

namespace Aggregator.Core.Tests.Stories;

public sealed class CanonicalLinkTests
{
    [Theory]
    [InlineData("https://www.example.com/world/story-1", "example.com/world/story-1")]
    [InlineData("http://example.com/world/story-1", "example.com/world/story-1")]
    [InlineData("https://example.com/world/story-1/", "example.com/world/story-1")]
    [InlineData("https://example.com/world/story-1#comments", "example.com/world/story-1")]
    [InlineData("https://EXAMPLE.com/World/Story-1", "example.com/World/Story-1")]
    [InlineData("  https://example.com/a  ", "example.com/a")]
    [InlineData("https://example.com", "example.com")]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("https://example.com:443/a", "example.com/a")]
    [InlineData("http://example.com:80/a", "example.com/a")]
    [InlineData("http://example.com:8080/a", "example.com:8080/a")]
    [InlineData("https://user:secret@example.com/a", "example.com/a")]
    [InlineData("https://www.bücher.de/neu", "xn--bcher-kva.de/neu")]
    [InlineData("https://xn--bcher-kva.de/neu", "xn--bcher-kva.de/neu")]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "example.com/a")]
    [InlineData("https://example.com/a?UTM_Source=rss", "example.com/a")]
    [InlineData("https://example.com/a?fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2&ocid=3&cmpid=4&ref=rss", "example.com/a")]
    [InlineData("https://www.bbc.com/news/articles/cq59xvdzjv7o?at_medium=RSS&at_campaign=rss", "bbc.com/news/articles/cq59xvdzjv7o")]
    [InlineData("https://www.heise.de/news/x-11272239.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag", "heise.de/news/x-11272239.html")]
    [InlineData("https://www.lemonde.fr/a/b.html?xtor=RSS-3208", "lemonde.fr/a/b.html")]
    [InlineData("https://example.com/read?id=7&utm_source=x", "example.com/read?id=7")]
    [InlineData("https://example.com/read?page=2&id=7", "example.com/read?id=7&page=2")]
    [InlineData("https://example.com/read?id=7&", "example.com/read?id=7")]
    [InlineData("https://news.yahoo.co.jp/pickup/6453462?source=rss", "news.yahoo.co.jp/pickup/6453462?source=rss")]
    public void Links_that_reach_one_article_have_one_canonical_form(string link, string expected) =>
        CanonicalLink.Of(link).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/news/story-1")]
    [InlineData("story-1.html")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:desk@example.com")]
    [InlineData("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]
    [InlineData("tag:example.com,2026:story-1")]
    public void Anything_but_an_absolute_http_link_has_none(string? link) => CanonicalLink.Of(link).ShouldBeNull();

    [Fact]
    public void Different_articles_keep_different_links()
    {
        CanonicalLink.Of("https://example.com/read?id=7").ShouldNotBe(CanonicalLink.Of("https://example.com/read?id=8"));
        CanonicalLink.Of("https://example.com/a").ShouldNotBe(CanonicalLink.Of("https://example.org/a"));
        CanonicalLink.Of("https://example.com/a").ShouldNotBe(CanonicalLink.Of("https://example.com/A"));
        CanonicalLink.Of("https://example.com/a").ShouldNotBe(CanonicalLink.Of("https://example.com:8443/a"));
        CanonicalLink.Of("https://example.com/a").ShouldNotBe(CanonicalLink.Of("https://news.example.com/a"));
    }
}
