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
}
