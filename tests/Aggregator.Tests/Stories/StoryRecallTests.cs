using Aggregator.Core.Stories;
using Aggregator.Tests.Matching;

namespace Aggregator.Tests.Stories;

/// <summary>
/// Recall on same-story pairs built from real items (Samples/*.jsonl, each naming its source item): a sample is
/// grouped with its source when the two prints share a lookup key and <see cref="StoryComparer.Compare"/> says
/// they are one story. No sample may match any other news-feeds item, except one labelled the same story as its source.
/// </summary>
public sealed class StoryRecallTests
{
    [Theory]
    [InlineData("exact-copies.jsonl", 0.90)]
    [InlineData("link-variants.jsonl", 0.90)]
    [InlineData("syndicated.jsonl", 0.90)]
    [InlineData("rewrites.jsonl", 0.60)]
    public void Samples_are_grouped_with_their_source_and_with_nothing_else(string file, double target)
    {
        NewsFeeds.Require();
        var samples = StorySamples.Read(file);
        var items = NewsCorpus.Items;
        var labelled = StorySamples.SameStoryPairs();
        var output = TestContext.Current.TestOutputHelper!;
        var grouped = 0;
        var wrong = new List<string>();
        var byKind = new Dictionary<StoryMatch, int>();
        foreach (var sample in samples)
        {
            var print = sample.Print();
            var source = NewsCorpus.PrintOf(NewsFeeds.Item(sample.Source).Item);
            var match = StoryComparer.Compare(source, print);
            if (match != StoryMatch.None && StoryPrint.IsCandidate(source, print))
            {
                grouped++;
                byKind[match] = byKind.GetValueOrDefault(match) + 1;
            }
            else output.WriteLine($"  missed {sample.Source} ({StoryComparer.Similarity(source, print):F2}): {sample.Title}");
            foreach (var (name, _, other) in items)
            {
                if (name == sample.Source || labelled.Contains(StorySamples.Ordered(name, sample.Source))) continue;
                var wrongMatch = StoryComparer.Compare(other, print);
                if (wrongMatch != StoryMatch.None) wrong.Add($"{sample.Source} sample matched {name} by {wrongMatch}");
            }
        }
        var share = (double)grouped / samples.Count;
        output.WriteLine($"{file}: {grouped} of {samples.Count} grouped ({share:P1}); by {string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}; {wrong.Count} wrong merges");
        wrong.ShouldBeEmpty();
        share.ShouldBeGreaterThanOrEqualTo(target);
    }

    [Theory]
    [InlineData("syndicated.jsonl", 60)]
    [InlineData("rewrites.jsonl", 40)]
    [InlineData("exact-copies.jsonl", 10)]
    [InlineData("link-variants.jsonl", 10)]
    public void Samples_cover_all_ten_feeds_and_four_languages(string file, int atLeast)
    {
        var samples = StorySamples.Read(file);
        samples.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        samples.Select(s => s.Language).Distinct().Count().ShouldBe(4);
        var feeds = samples.Select(s => s.Source.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')).Distinct().Count();
        if (file != "rewrites.jsonl") feeds.ShouldBe(10);
        else feeds.ShouldBeGreaterThanOrEqualTo(9);
    }
}
