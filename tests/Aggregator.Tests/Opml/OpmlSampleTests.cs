using Aggregator.Configuration;
using Aggregator.Core.Opml;

namespace Aggregator.Tests.Opml;

public sealed class OpmlSampleTests
{
    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_feed_and_folder_of_a_real_export_is_read(string sample)
    {
        var result = OpmlReader.Default.Read(OpmlSamples.Text(sample));

        result.Error.ShouldBeNull();
        result.Document!.Subscriptions.Count.ShouldBe(OpmlSamples.FeedOutlines(sample));
        result.Document.Folders.Count.ShouldBe(OpmlSamples.FolderOutlines(sample));
        result.Document.Title.ShouldBe(OpmlSamples.HeadTitle(sample));
        result.Document.Skipped.ShouldBeEmpty();
        result.Document.Subscriptions.ShouldAllBe(s => s.Title.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reading_the_bytes_gives_what_reading_the_text_gives(string sample)
    {
        using var stream = File.OpenRead(OpmlSamples.PathOf(sample));

        var fromBytes = OpmlReader.Default.Read(stream).Document!;
        var fromText = OpmlReader.Default.Read(OpmlSamples.Text(sample)).Document!;

        fromBytes.Subscriptions.Select(Described).ShouldBe(fromText.Subscriptions.Select(Described));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_plan_from_a_real_export_has_unique_ids_and_tags_the_configuration_accepts(string sample)
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text(sample)).Document!;

        var plan = OpmlImportPlan.Create(document, []);

        plan.NewFeeds.Count.ShouldBeGreaterThan(0);
        plan.NewFeeds.Count.ShouldBe(document.Subscriptions.Count - plan.Duplicates.Count);
        plan.NewFeeds.Select(f => f.Id).ShouldBeUnique();
        plan.NewFeeds.ShouldAllBe(f => IdRegistry.IsValid(f.Id) && f.Id.Length <= 40);
        plan.NewFeeds.SelectMany(f => f.Tags).ShouldAllBe(t => IdRegistry.IsValid(t));
    }

    [Fact]
    public void A_feedly_export_that_lists_a_feed_in_two_folders_plans_it_once()
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text("feedly.opml")).Document!;

        var plan = OpmlImportPlan.Create(document, []);

        var lincoln = plan.NewFeeds.Where(f => f.Url == "http://feeds.feedburner.com/LincolnMullenWritings").ShouldHaveSingleItem();
        lincoln.Id.ShouldBe("lincoln-mullen");
        lincoln.Tags.ShouldBe(["history"]);
        plan.Duplicates.Select(d => (d.Title, d.DuplicateOfId, d.InConfiguration)).ShouldBe(
        [
            ("Lincoln Mullen", "lincoln-mullen", false),
            ("Project Thirty-Three", "project-thirty-three", false),
        ]);
        // Two feeds titled "Maud Newton" with different URLs are two feeds.
        plan.NewFeeds.Where(f => f.Title == "Maud Newton").Select(f => f.Id).ShouldBe(["maud-newton", "maud-newton-2"]);
    }

    [Fact]
    public void Feeds_already_configured_are_reported_with_the_id_they_duplicate()
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text("miniflux.opml")).Document!;
        ExistingFeed[] existing =
        [
            new("rust", "HTTPS://Blog.Rust-Lang.org:443/feed.xml#latest"),
            new("matklad", "https://matklad.github.io/feed.xml/"),
            new("local", "feeds/local.xml"),
        ];

        var plan = OpmlImportPlan.Create(document, existing);

        plan.Duplicates.Select(d => (d.Url, d.DuplicateOfId, d.InConfiguration)).ShouldBe(
        [
            ("https://matklad.github.io/feed.xml", "matklad", true),
            ("https://blog.rust-lang.org/feed.xml", "rust", true),
        ]);
        plan.NewFeeds.Count.ShouldBe(10);
        plan.NewFeeds.ShouldNotContain(f => f.Id == "matklad" || f.Id == "rust");
    }

    [Fact]
    public void Folder_names_become_tags_and_a_title_in_another_script_falls_back_to_the_url()
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text("freshrss-2021.opml.xml")).Document!;

        var plan = OpmlImportPlan.Create(document, []);

        // FreshRSS escaped the folder name twice; the reader gives what the file says, once unescaped.
        document.Folders.ShouldContain("Arts &amp; Design");
        plan.NewFeeds.ShouldContain(f => f.Id == "kottke-org" && f.Tags.Count == 1 && f.Tags[0] == "arts-amp-design");
        plan.NewFeeds.ShouldContain(f => f.Id == "nyt-arts" && f.Tags.Count == 1 && f.Tags[0] == "arts-amp-design");
        plan.NewFeeds.ShouldContain(f => f.Id == "500px" && f.Tags.Count == 1 && f.Tags[0] == "arts-amp-design");
    }

    [Fact]
    public void An_inoreader_title_with_a_line_break_and_letters_beyond_ascii_gives_a_plain_id()
    {
        var plan = OpmlImportPlan.Create(OpmlReader.Default.Read(OpmlSamples.Text("inoreader.xml")).Document!, []);

        plan.NewFeeds.ShouldContain(f => f.Id == "artem-zinnatullin-android-hipster" && f.Title == "Artem Zinnatullin - Android Hipster");
        plan.NewFeeds.ShouldContain(f => f.Id == "vladimir-jovanovic" && f.Tags.Count == 1 && f.Tags[0] == "personal-blogs");
        plan.NewFeeds.ShouldContain(f => f.Id == "py" && f.Url == "https://dev.to/feed/pyricau");
        plan.NewFeeds.ShouldContain(f => f.Url == "https://www.reddit.com/r/android/top.rss?t=week&limit=5");
    }

    [Fact]
    public void Tiny_tiny_rss_settings_outlines_are_folders_and_bring_no_feed()
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text("tinytinyrss.opml")).Document!;

        document.Subscriptions.Count.ShouldBe(9);
        document.Subscriptions.ShouldAllBe(s => s.Folders.Count == 0);
        document.Folders.ShouldContain("tt-rss-labels");
    }

    [Fact]
    public void An_empty_netnewswire_folder_is_a_folder_without_feeds()
    {
        var document = OpmlReader.Default.Read(OpmlSamples.Text("netnewswire.opml")).Document!;

        document.Folders.ShouldContain("HTTP");
        document.Subscriptions.ShouldNotContain(s => s.Folders.Contains("HTTP"));
        document.Subscriptions.Single(s => s.Title == "David Crawshaw").HtmlUrl.ShouldBeNull();
    }

    private static string Described(OpmlSubscription s) => $"{s.XmlUrl} {s.Title} {s.HtmlUrl} {string.Join('/', s.Folders)}";

    public static TheoryData<string> Samples => OpmlSamples.All;
}
