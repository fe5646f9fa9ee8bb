using System.Text;
using Aggregator.Core.Opml;

namespace Aggregator.Tests.Opml;

public sealed class OpmlHostileInputTests
{
    private const string Feed = """<outline text="Kept" type="rss" xmlUrl="https://kept.example/feed"/>""";

    [Fact]
    public void An_external_entity_is_refused_before_any_file_is_read()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <opml version="2.0"><head><title>&secret;</title></head><body/></opml>
            """;

        var result = OpmlReader.Default.Read(xxe);

        result.Document.ShouldBeNull();
        result.Error.ShouldStartWith("the file declares a DTD (<!DOCTYPE ...>) before its <opml> element");
        result.Error!.ShouldNotContain("root:");
    }

    [Fact]
    public void Billion_laughs_is_refused_without_expanding_anything()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
            laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">\n");
        laughs.Append("]>\n<opml version=\"2.0\"><head><title>&lol9;</title></head><body/></opml>");

        var result = OpmlReader.Default.Read(laughs.ToString());

        result.Document.ShouldBeNull();
        result.Error.ShouldStartWith("the file declares a DTD");
    }

    [Fact]
    public void Outlines_nested_beyond_the_cap_are_skipped_and_their_neighbours_kept()
    {
        var deep = string.Concat(Enumerable.Range(1, 10).Select(i => $"<outline text=\"Level {i}\">"))
            + """<outline text="Deepest" xmlUrl="https://deep.example/feed"/>"""
            + string.Concat(Enumerable.Repeat("</outline>", 10));
        var opml = Opml(deep + Feed + """<outline text="Top"><outline text="Inside" xmlUrl="https://inside.example/feed"/></outline>""");

        var document = OpmlReader.Default.Read(opml).Document!;

        document.Subscriptions.Select(s => s.XmlUrl).ShouldBe(["https://kept.example/feed", "https://inside.example/feed"]);
        document.Subscriptions[1].Folders.ShouldBe(["Top"]);
        var skipped = document.Skipped.ShouldHaveSingleItem();
        skipped.Outline.ShouldBe("Level 9");
        skipped.Reason.ShouldContain("deeper than 8 levels");
    }

    [Fact]
    public void A_truncated_file_is_refused_with_the_line_and_column_where_it_stops()
    {
        var truncated = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">\n<head><title>t</title></head>\n<body>\n" + Feed + "\n<outline text=\"Cut\" xmlUr";

        var result = OpmlReader.Default.Read(truncated);

        result.Document.ShouldBeNull();
        result.Error.ShouldStartWith("the file is not well-formed XML at 6:");
        result.Error!.ShouldNotContain("Line 6, position");
    }

    [Fact]
    public void Urls_that_are_not_http_are_skipped_with_the_reason_and_the_rest_kept()
    {
        var opml = Opml("""
            <outline text="Passwords" xmlUrl="file:///etc/passwd"/>
            <outline text="Script" xmlUrl="javascript:alert(1)"/>
            <outline text="Relative" xmlUrl="/feed.xml"/>
            <outline text="Empty" xmlUrl=""/>
            <outline text="Gopher" xmlUrl="gopher://old.example/1"/>
            """ + Feed);

        var document = OpmlReader.Default.Read(opml).Document!;

        document.Subscriptions.ShouldHaveSingleItem().XmlUrl.ShouldBe("https://kept.example/feed");
        document.Skipped.Select(s => s.Reason).ShouldBe(
        [
            "its xmlUrl has the scheme 'file'; only http and https feeds are polled",
            "its xmlUrl has the scheme 'javascript'; only http and https feeds are polled",
            "its xmlUrl is not an absolute URL",
            "its xmlUrl is empty",
            "its xmlUrl has the scheme 'gopher'; only http and https feeds are polled",
        ]);
        document.Skipped[0].Outline.ShouldBe("Passwords (file:///etc/passwd)");
        document.Skipped[0].At.ShouldMatch(@"^\d+:\d+$");
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_as_text_and_as_bytes()
    {
        var reader = new OpmlReader(OpmlLimits.Default with { MaxBytes = 1024 });
        var large = Opml(string.Concat(Enumerable.Repeat(Feed, 20)));

        reader.Read(large).Error.ShouldBe("the file is larger than 1024 bytes; no reader's export is that large");
        reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(large))).Error.ShouldStartWith("the file is larger than");
        reader.Read(Opml(Feed)).Succeeded.ShouldBeTrue();
        OpmlReader.Default.Read(new string(' ', 5 * 1024 * 1024) + Opml(Feed)).Error.ShouldBe("the file is larger than 5 MiB; no reader's export is that large");
    }

    [Fact]
    public void A_file_with_more_outlines_than_the_cap_is_refused()
    {
        var reader = new OpmlReader(OpmlLimits.Default with { MaxOutlines = 5 });

        reader.Read(Opml(string.Concat(Enumerable.Repeat(Feed, 6)))).Error.ShouldBe("the file holds more than 5 outlines, more than any reader's export");
        reader.Read(Opml(string.Concat(Enumerable.Repeat(Feed, 5)))).Document!.Subscriptions.Count.ShouldBe(5);
    }

    [Fact]
    public void A_file_that_is_not_opml_is_refused()
    {
        OpmlReader.Default.Read("<html><body><p>hi</p></body></html>").Error.ShouldBe(
            "not an OPML file: the document starts with <html> where <opml> was expected");
        OpmlReader.Default.Read("<opml version=\"2.0\"><head/></opml>").Error.ShouldBe("not an OPML file: it has no <body>");
        OpmlReader.Default.Read("<opml").Error!.ShouldStartWith("the file is not well-formed XML at 1:");
        OpmlReader.Default.Read(" \n").Error.ShouldBe("the file is empty");
        OpmlReader.Default.Read(new MemoryStream()).Error.ShouldBe("the file is empty");
    }

    private static string Opml(string body) => $"<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n{body}\n</body></opml>";
}
