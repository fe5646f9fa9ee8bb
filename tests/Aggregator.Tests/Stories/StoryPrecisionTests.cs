using Aggregator.Core.Stories;
using Aggregator.Tests.Matching;

namespace Aggregator.Tests.Stories;

/// <summary>
/// Precision on real news: every pair of the 486 news-feeds items is compared, and every pair judged the same
/// story must be one of the pairs labelled by reading them (Samples/same-story-pairs.txt).
/// </summary>
public sealed class StoryPrecisionTests
{
    [Fact]
    public void No_two_news_items_are_merged_unless_labelled_one_story()
    {
        NewsFeeds.Require();
        var items = NewsCorpus.Items;
        items.Count.ShouldBe(486);
        var labelled = StorySamples.SameStoryPairs();
        var wrong = new List<string>();
        var found = new List<string>();
        var unreachable = new List<string>();
        var closest = new List<(double Similarity, string Pair, bool Cjk)>();
        var pairs = 0;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                pairs++;
                var similarity = StoryComparer.Similarity(items[i].Print, items[j].Print);
                if (similarity >= 0.2 && !labelled.Contains(StorySamples.Ordered(items[i].Name, items[j].Name)))
                    closest.Add((similarity, $"{items[i].Name} {items[j].Name}", items[i].Print.CjkText || items[j].Print.CjkText));
                var match = StoryComparer.Compare(items[i].Print, items[j].Print);
                if (match == StoryMatch.None) continue;
                var pair = StorySamples.Ordered(items[i].Name, items[j].Name);
                var line = $"{pair.Item1} {pair.Item2} {match}";
                if (!labelled.Contains(pair)) wrong.Add($"{line}: '{items[i].Item.Title}' / '{items[j].Item.Title}'");
                else found.Add(line);
                if (!StoryPrint.IsCandidate(items[i].Print, items[j].Print)) unreachable.Add(line);
            }
        }
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{pairs} pairs compared; {found.Count + wrong.Count} judged the same story; {found.Count} of {labelled.Count} labelled pairs found");
        foreach (var line in found) output.WriteLine("  found " + line);
        foreach (var cjk in new[] { false, true })
        {
            foreach (var (similarity, pair, _) in closest.Where(c => c.Cjk == cjk).OrderByDescending(c => c.Similarity).Take(6))
                output.WriteLine($"  closest unlabelled{(cjk ? " Han/Kana" : "")} pair {pair}: similarity {similarity:F2}");
        }
        var byName = items.ToDictionary(i => i.Name, i => i.Print);
        foreach (var (a, b) in labelled)
            output.WriteLine($"  labelled {a} {b}: {StoryComparer.Compare(byName[a], byName[b])}, similarity {StoryComparer.Similarity(byName[a], byName[b]):F2}");
        var sizes = items.Select(i => i.Print.ToBytes().Length).Order().ToList();
        output.WriteLine($"stored prints: median {sizes[sizes.Count / 2]} bytes, largest {sizes[^1]}; keys per item: median {items.Select(i => i.Print.Keys.Count).Order().ElementAt(items.Count / 2)}");
        pairs.ShouldBe(486 * 485 / 2);
        wrong.ShouldBeEmpty("pairs judged one story that are not labelled so (wrong merges, each a missed alert)");
        unreachable.ShouldBeEmpty("a pair judged the same must share a lookup key, or the database would never offer it");
        found.Count.ShouldBeGreaterThanOrEqualTo(2, "bbc8/bbc26 (one article, one link) and gov22/gov24 (one announcement) at least");
    }

    [Fact]
    public void One_link_for_two_announcements_is_not_one_story()
    {
        NewsFeeds.Require();
        // gov33 and gov34 share one link (an index page) but designate the quake two different kinds of disaster.
        var gov33 = NewsCorpus.PrintOf(NewsFeeds.Item("gov33").Item);
        var gov34 = NewsCorpus.PrintOf(NewsFeeds.Item("gov34").Item);
        gov33.CanonicalLink.ShouldBe(gov34.CanonicalLink);
        StoryComparer.Compare(gov33, gov34).ShouldBe(StoryMatch.None);

        // bbc8 and bbc26 share one link and are one article, the second without its "Rochdale v York City:" lead-in.
        var bbc8 = NewsCorpus.PrintOf(NewsFeeds.Item("bbc8").Item);
        var bbc26 = NewsCorpus.PrintOf(NewsFeeds.Item("bbc26").Item);
        StoryComparer.Compare(bbc8, bbc26).ShouldBe(StoryMatch.Link);
    }
}
