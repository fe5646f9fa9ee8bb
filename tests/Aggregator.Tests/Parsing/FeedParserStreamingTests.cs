using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>
/// The single pass from bytes: decoding in blocks must never split a character, characters XML forbids are
/// dropped on the way, and documents it does not take (a DOCTYPE) give the same feed through the text path.
/// </summary>
public sealed class FeedParserStreamingTests
{

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public void Characters_outside_the_basic_plane_survive_every_block_boundary(string encodingName)
    {
        // Titles of growing length move the emoji and the accented letters across every offset of the 8 KB blocks.
        var encoding = Encoding.GetEncoding(encodingName);
        var titles = Enumerable.Range(0, 600).Select(i => new string('x', i % 37) + "🙂 Kraków 𝄞 " + i).ToList();
        var xml = $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?><rss version=\"2.0\"><channel><title>t</title>"
            + string.Concat(titles.Select((t, i) => $"<item><guid>{i}</guid><title>{t}</title></item>")) + "</channel></rss>";
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(xml)).ToArray();
        bytes.Length.ShouldBeGreaterThan(30_000);

        var feed = FeedParser.Parse(bytes);

        feed.Items.Select(i => i.Title).ShouldBe(titles);
    }

    [Fact]
    public void Forbidden_characters_are_dropped_wherever_they_fall()
    {
        // Control characters, DEL and a stray BOM inside text, in a document long enough to span blocks.
        var noise = "\u0001\u0008\u000B\u000C\u001F\u007F\uFEFF";
        var items = string.Concat(Enumerable.Range(0, 400).Select(i => $"<item><guid>{i}</guid><title>a{noise}b {i}</title></item>"));
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>T{noise}</title>{items}</channel></rss>"));

        feed.Title.ShouldBe("T");
        feed.Items.Count.ShouldBe(400);
        feed.Items.ShouldAllBe(i => i.Title.StartsWith("ab ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_with_a_doctype_reads_the_same_as_without_one()
    {
        const string body = """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:base="https://example.org/news/">
              <channel><title>News &amp; views</title><link>https://example.org/</link>
                <item><title>Troops &lt;b&gt;gather&lt;/b&gt;</title><link>story/1</link><guid isPermaLink="false">1</guid>
                  <dc:creator>Ann</dc:creator><category>World</category><pubDate>Tue, 03 Jan 2023 15:00:00 GMT</pubDate>
                  <description><![CDATA[<p>Talks <b>resume</b>&nbsp;today</p>]]></description></item>
              </channel>
            </rss>
            """;
        var plain = FeedParser.Parse(Encoding.UTF8.GetBytes(body));
        var withDoctype = FeedParser.Parse(Encoding.UTF8.GetBytes("<!DOCTYPE rss>\n" + body));

        System.Text.Json.JsonSerializer.Serialize(withDoctype).ShouldBe(System.Text.Json.JsonSerializer.Serialize(plain));
        plain.Items[0].Link.ShouldBe("https://example.org/news/story/1");
        plain.Items[0].Summary.ShouldBe("Talks resume today");
    }
}
