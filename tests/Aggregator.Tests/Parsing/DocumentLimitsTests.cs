using System.Text;
using Aggregator.Core.Items;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// Whatever a document holds, parsing it costs bounded time and memory: past each limit the feed is truncated
/// with a note (logged per feed, printed by parse), and nesting no feed needs is refused with a clear error.
/// Every case is read both ways (single pass from the bytes, and the text path a DOCTYPE forces) and they agree.
/// </summary>
public sealed class DocumentLimitsTests
{

    private static ParsedFeed Parse(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var feed = FeedParser.Parse(bytes);
        var viaText = FeedParser.Parse(Encoding.UTF8.GetBytes("<!DOCTYPE rss>" + xml));
        viaText.Items.Select(i => (i.Key, i.Title, i.Categories.Count)).ShouldBe(feed.Items.Select(i => (i.Key, i.Title, i.Categories.Count)));
        viaText.Notes.ShouldBe(feed.Notes);
        return feed;
    }

    private static string Rss(string items) => $"<rss version=\"2.0\"><channel><title>t</title>{items}</channel></rss>";

    [Fact]
    public void Items_past_the_limit_are_dropped_keeping_the_first_ones_with_a_note()
    {
        var items = string.Concat(Enumerable.Range(0, 12_345).Select(i => $"<item><guid>g{i}</guid><title>item {i}</title></item>"));
        var feed = Parse(Rss(items));

        feed.Items.Count.ShouldBe(DocumentLimits.MaxItems);
        feed.Items[0].Title.ShouldBe("item 0");
        feed.Items[^1].Title.ShouldBe($"item {DocumentLimits.MaxItems - 1}");
        feed.Notes.ShouldBe(["kept the first 10,000 items of 12,345"]);
    }

    [Fact]
    public void A_json_feed_keeps_the_first_items_too()
    {
        var items = string.Join(',', Enumerable.Range(0, 10_050).Select(i => $$"""{"id":"j{{i}}","title":"item {{i}}"}"""));
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes($$"""{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{{items}}]}"""));
        feed.Items.Count.ShouldBe(DocumentLimits.MaxItems);
        feed.Items[^1].Title.ShouldBe("item 9999");
        feed.Notes.ShouldBe(["kept the first 10,000 items of 10,050"]);
    }

    [Fact]
    public void A_million_empty_items_stay_within_a_bounded_allocation()
    {
        var body = Encoding.UTF8.GetBytes(Rss(string.Concat(Enumerable.Repeat("<item></item>", 1_000_000))));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var feed = FeedParser.Parse(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        feed.Items.Count.ShouldBe(DocumentLimits.MaxItems);
        // Reading 13 MB of markup allocates; what it must not do is build a million items (that took 2.4 GB).
        allocated.ShouldBeLessThan(300L * 1024 * 1024, $"{allocated / 1024 / 1024} MiB allocated");
    }

    [Fact]
    public void Repeated_values_in_one_item_are_capped_and_noted()
    {
        var categories = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"<category>c{i}</category>"));
        var feed = Parse(Rss($"<item><guid>g</guid><title>t</title>{categories}</item><item><guid>h</guid><category>x</category></item>"));

        feed.Items[0].Categories.Count.ShouldBe(DocumentLimits.MaxValuesPerItem);
        feed.Items[0].Categories[0].ShouldBe("c0");
        feed.Items[1].Categories.ShouldBe(["x"], "the count starts again for each item");
        feed.Notes.ShouldBe(["dropped 4,900 values past 100 of one kind in an item (categories, authors, links)"]);
    }

    [Fact]
    public void Long_texts_are_shortened_without_splitting_a_character()
    {
        var title = new string('a', DocumentLimits.MaxShortText - 1) + "😀 tail";
        var content = string.Concat(Enumerable.Repeat("word ", 100_000));
        var feed = Parse(Rss($"<item><guid>g</guid><title>{title}</title><description>{content}</description></item>"));

        var item = feed.Items.Single();
        item.Title.Length.ShouldBe(DocumentLimits.MaxShortText - 1, "the emoji's two halves are kept or dropped together");
        (item.Summary.Length + item.Content.Length).ShouldBe(DocumentLimits.MaxLongText, "an RSS description is the summary when there is no content:encoded");
        feed.Notes.ShouldHaveSingleItem().ShouldStartWith("shortened 2 texts");
    }

    [Theory]
    [InlineData(DocumentLimits.MaxDepth - 4, true)]
    [InlineData(DocumentLimits.MaxDepth, false)]
    [InlineData(100_000, false)]
    public void Nesting_deeper_than_any_feed_needs_is_refused_with_a_clear_error(int depth, bool accepted)
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</x>", depth));
        var xml = Rss($"<item><guid>g</guid><title>t</title><description>{nested}</description></item>");
        if (accepted)
        {
            Parse(xml).Items.ShouldHaveSingleItem();
            return;
        }
        Should.Throw<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(xml)))
            .Message.ShouldBe($"refused: elements nested deeper than {DocumentLimits.MaxDepth} levels (line 1)");
        Should.Throw<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes("<!DOCTYPE rss>" + xml)))
            .Message.ShouldStartWith("refused: elements nested deeper than");
    }
}
