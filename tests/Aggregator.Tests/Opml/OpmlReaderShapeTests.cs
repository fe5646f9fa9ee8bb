using System.Text;
using Aggregator.Core.Opml;

namespace Aggregator.Tests.Opml;

public sealed class OpmlReaderShapeTests
{
    [Fact]
    public void Nested_folders_and_the_category_attribute_both_give_folders_outermost_first()
    {
        const string opml = """
            <opml version="2.0"><head/><body>
              <outline text="Tech"><outline title="News" text="ignored">
                <outline text="A" xmlUrl="https://a.example/rss" category="/Tech/Security,Reading"/>
              </outline></outline>
              <outline text="Empty"/>
            </body></opml>
            """;

        var document = OpmlReader.Default.Read(opml).Document!;

        document.Subscriptions.ShouldHaveSingleItem().Folders.ShouldBe(["Tech", "News", "Security", "Reading"]);
        document.Folders.ShouldBe(["Tech", "Tech/News", "Empty"]);
    }

    [Fact]
    public void Attribute_names_in_any_case_entities_and_a_missing_type_are_read()
    {
        const string opml = """
            <opml version="1.0"><head><title>Caf&#233; &amp; co</title></head><body>
              <outline TEXT="Caf&#xE9; &lt;B&gt;" xmlurl=" https://b.example/rss?a=1&amp;b=2 " HTMLURL="https://b.example/"/>
              <outline text="Atom" type="atom" XMLURL="https://c.example/atom"/>
            </body></opml>
            """;

        var document = OpmlReader.Default.Read(opml).Document!;

        document.Title.ShouldBe("Café & co");
        document.Subscriptions.Select(s => (s.XmlUrl, s.Title, s.HtmlUrl)).ShouldBe(
        [
            ("https://b.example/rss?a=1&b=2", "Café <B>", "https://b.example/"),
            ("https://c.example/atom", "Atom", (string?)null),
        ]);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_in_text_and_in_bytes()
    {
        const string opml = """<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head/><body><outline text="Ä" xmlUrl="https://a.example/"/></body></opml>""";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(opml)).ToArray();

        OpmlReader.Default.Read("\uFEFF" + opml).Document!.Subscriptions.ShouldHaveSingleItem().Title.ShouldBe("Ä");
        OpmlReader.Default.Read(new MemoryStream(bytes)).Document!.Subscriptions.ShouldHaveSingleItem().Title.ShouldBe("Ä");
    }

    [Fact]
    public void Bytes_in_a_declared_legacy_encoding_are_decoded_as_declared()
    {
        const string opml = """<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><head/><body><outline text="Zürich" xmlUrl="https://z.example/"/></body></opml>""";

        var document = OpmlReader.Default.Read(new MemoryStream(Encoding.Latin1.GetBytes(opml))).Document!;

        document.Subscriptions.ShouldHaveSingleItem().Title.ShouldBe("Zürich");
    }
}
