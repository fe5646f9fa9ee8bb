using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class FeedParserEncodingTests
{

    static FeedParserEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Rss(string declaration, string title) =>
        $"{declaration}<rss version=\"2.0\"><channel><title>{title}</title><item><title>{title}</title><guid>g</guid></item></channel></rss>";

    [Fact]
    public void Iso_8859_1_declaration_is_honoured()
    {
        var bytes = Encoding.Latin1.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Zürich café"));

        FeedParser.Parse(bytes).Title.ShouldBe("Zürich café");
    }

    [Fact]
    public void Windows_1252_declaration_decodes_curly_quotes_and_euro()
    {
        // 0x80 (€) and 0x93/0x94 (“ ”) differ between windows-1252 and ISO-8859-1.
        var bytes = Encoding.GetEncoding(1252).GetBytes(Rss("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", "“Price” 5€"));

        var feed = FeedParser.Parse(bytes);

        feed.Title.ShouldBe("“Price” 5€");
        feed.Items[0].Title.ShouldBe("“Price” 5€");
    }

    [Fact]
    public void Http_charset_is_used_when_the_document_declares_none()
    {
        var bytes = Encoding.GetEncoding("koi8-r").GetBytes(Rss("", "Новости"));

        FeedParser.Parse(bytes, "koi8-r").Title.ShouldBe("Новости");
    }

    [Fact]
    public void Declared_encoding_wins_over_the_http_charset()
    {
        var bytes = Encoding.Latin1.GetBytes(Rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "Größe"));

        FeedParser.Parse(bytes, "utf-8").Title.ShouldBe("Größe");
    }

    [Fact]
    public void Undeclared_and_no_charset_means_utf8()
    {
        FeedParser.Parse(Encoding.UTF8.GetBytes(Rss("", "日本語"))).Title.ShouldBe("日本語");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    [InlineData("utf-32BE")]
    public void Byte_order_mark_selects_the_encoding(string name)
    {
        var encoding = name switch
        {
            "utf-8" => (Encoding)new UTF8Encoding(true),
            "utf-16LE" => new UnicodeEncoding(false, true),
            "utf-16BE" => new UnicodeEncoding(true, true),
            "utf-32LE" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var text = Rss("<?xml version=\"1.0\"?>", "Ελληνικά ✓");
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        // The HTTP charset is wrong on purpose: the BOM must win.
        FeedParser.Parse(bytes, "iso-8859-1").Title.ShouldBe("Ελληνικά ✓");
    }

    [Fact]
    public void Shift_jis_declaration_is_honoured()
    {
        var bytes = Encoding.GetEncoding("shift_jis").GetBytes(Rss("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", "ニュース"));

        FeedParser.Parse(bytes).Title.ShouldBe("ニュース");
    }
}
