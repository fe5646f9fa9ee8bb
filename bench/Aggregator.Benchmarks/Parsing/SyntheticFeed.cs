using System.Globalization;
using System.Text;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>A deterministic RSS 2.0 feed of about the requested size, shaped like a news site's.</summary>
internal static class SyntheticFeed
{
    public static byte[] Rss(int targetBytes)
    {
        var sb = new StringBuilder(targetBytes + 4096);
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
          .Append("<title>Synthetic News</title><link>https://news.example.org/</link><description>Benchmark feed</description>\n");
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; sb.Length < targetBytes; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append("<item><title>Troops gather near the border, day ").Append(n).Append(" &amp; more</title>")
              .Append("<link>https://news.example.org/story/").Append(n).Append("</link>")
              .Append("<guid isPermaLink=\"false\">story-").Append(n).Append("</guid>")
              .Append("<pubDate>").Append(start.AddMinutes(-17 * i).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate>")
              .Append("<dc:creator>Reporter ").Append(i % 7).Append("</dc:creator><category>World</category>")
              .Append("<description><![CDATA[<p>Officials said on ").Append(n)
              .Append(" that <b>talks</b> would resume.</p><p>")
              .Append(string.Concat(Enumerable.Repeat("Negotiators met again in the capital to discuss the ceasefire terms. ", 8)))
              .Append("</p>]]></description></item>\n");
        }
        sb.Append("</channel>\n</rss>\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
