using Aggregator.Core.Stories;

namespace Aggregator.Core.Tests.Stories;

public sealed class StoryPrintFormatTests
{
    public static TheoryData<string, string?, string> Prints => new()
    {
        { "Traffickers exploiting young refugees in French camps, says Unicef", "https://www.theguardian.com/world/2016/jun/14/unicef?utm_source=rss",
            "Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit crimes by traffickers, according to a Unicef report." },
        { "令和8年熊本地震における船舶活用医療の実施について", "https://www.bousai.go.jp/index.html", "2026年8月5日 内閣府 令和8年熊本地震における船舶活用医療の実施について" },
        { "Weather", null, "" },
        { "", null, "" },
        { "Grüße aus Köln: Straßenbahn fährt wieder", "https://www.bücher.de/köln", "" },
    };

    [Theory]
    [MemberData(nameof(Prints))]
    public void A_print_reads_back_as_itself_and_compares_the_same(string title, string? link, string summary)
    {
        var print = StoryPrint.Of(title, link, summary);
        var bytes = print.ToBytes();
        var back = StoryPrint.FromBytes(bytes);

        bytes[0].ShouldBe(StoryPrintFormat.Version);
        back.ShouldBe(print);
        back.CanonicalLink.ShouldBe(print.CanonicalLink);
        back.Keys.ShouldBe(print.Keys);
        back.ToBytes().ShouldBe(bytes);
        StoryComparer.Compare(back, print).ShouldBe(StoryComparer.Compare(print, print));
    }

    [Fact]
    public void A_typical_print_is_compact()
    {
        var print = StoryPrint.Of("Traffickers exploiting young refugees in French camps, says Unicef",
            "https://www.theguardian.com/world/2016/jun/14/traffickers-exploiting-young-refugees-french-camps-unicef",
            "Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit crimes by traffickers, according to a Unicef report.");
        print.ToBytes().Length.ShouldBeLessThanOrEqualTo(300);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0x80, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 200, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 2, 5, 0, 4, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 50, 0 })]
    [InlineData(new byte[] { 1, 1, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 1, 0, 0, 0, 2, 0, 0xC3, 0x28 })]
    [InlineData(new byte[] { 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Garbage_is_refused(byte[] bytes) => Should.Throw<FormatException>(() => StoryPrint.FromBytes(bytes));

    [Fact]
    public void Truncated_or_extended_prints_are_refused()
    {
        var bytes = StoryPrint.Of("Traffickers exploiting young refugees in French camps, says Unicef", "https://example.com/a",
            "Young people in refugee camps in Calais and Dunkirk are being sexually exploited and forced to commit crimes by traffickers.").ToBytes();
        for (var length = 0; length < bytes.Length; length++)
        {
            var cut = bytes[..length];
            Should.Throw<FormatException>(() => StoryPrint.FromBytes(cut), $"cut at {length}");
        }
        Should.Throw<FormatException>(() => StoryPrint.FromBytes([.. bytes, 0]));
    }

    [Fact]
    public void Random_bytes_never_read_as_a_print_or_throw_anything_else()
    {
        var random = new Random(20261204);
        var refused = 0;
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (bytes.Length > 0) bytes[0] = StoryPrintFormat.Version;
            try
            {
                StoryPrint.FromBytes(bytes);
            }
            catch (FormatException)
            {
                refused++;
            }
        }
        refused.ShouldBe(2000);
    }
}
