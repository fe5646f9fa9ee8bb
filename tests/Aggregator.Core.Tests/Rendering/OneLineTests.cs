using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class OneLineTests
{
    [Theory]
    [InlineData("title\r\nBcc: x@example.org", "title Bcc: x@example.org")]
    [InlineData("  a\tb\u0000c\u2028d\u0085e  ", "a b c d e")]
    [InlineData("zero\u200Bwidth", "zero width")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Line_breaks_and_control_characters_become_single_spaces(string? input, string expected) =>
        OneLine.Clean(input).ShouldBe(expected);

    [Fact]
    public void Long_text_is_cut_to_the_limit_with_an_ellipsis()
    {
        var cut = OneLine.Clean(new string('x', 300));

        cut.Length.ShouldBe(200);
        cut.ShouldEndWith("…");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('x', 198) + "😀😀😀";

        var cut = OneLine.Clean(text);

        cut.Length.ShouldBeLessThanOrEqualTo(200);
        cut.ShouldBe(new string('x', 198) + "…");
    }

    [Theory]
    [InlineData("first\nsecond", "first\\nsecond")]
    [InlineData("a\r\nb\tc", "a\\r\\nb\\tc")]
    [InlineData("bell\u0007 esc\u001B[31m del\u007F c1\u0085", "bell\\u0007 esc\\u001B[31m del\\u007F c1\\u0085")]
    [InlineData("line\u2028para\u2029", "line\\u2028para\\u2029")]
    [InlineData("invoice_\u202Etxt.exe \u2066x\u2069", "invoice_\\u202Etxt.exe \\u2066x\\u2069")]
    [InlineData("plain text, é ü 中文 😀", "plain text, é ü 中文 😀")]
    [InlineData(null, "")]
    public void Escape_shows_every_line_breaking_or_disguising_character_as_an_escape(string? input, string expected) =>
        OneLine.Escape(input).ShouldBe(expected);

    [Fact]
    public void Escape_cuts_to_the_limit_when_one_is_given()
    {
        OneLine.Escape(new string('x', 50)).Length.ShouldBe(50);
        OneLine.Escape(new string('x', 50), 20).ShouldBe(new string('x', 19) + "…");
    }
}
