using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

public sealed class XmlCharactersTests
{
    [Theory]
    [InlineData("plain text\t\r\n", "plain text\t\r\n")]
    [InlineData("a\u0000b\u0008c\u000Bd\u001Fe", "abcde")]
    [InlineData("del\u007F bom\uFEFF end\uFFFE\uFFFF", "del bom end")]
    [InlineData("pair \uD83D\uDE42 kept", "pair \uD83D\uDE42 kept")]
    public void Forbidden_characters_are_removed(string text, string expected) => XmlCharacters.RemoveForbidden(text).ShouldBe(expected);

    [Fact]
    public void Lone_surrogates_are_removed()
    {
        // Not as InlineData: test data serialisation would turn lone surrogates into U+FFFD first.
        XmlCharacters.RemoveForbidden("lone \uD83D high, lone \uDE42 low").ShouldBe("lone  high, lone  low");
        XmlCharacters.RemoveForbidden("\uDE42\uD83D").ShouldBe("");
    }

    [Fact]
    public void Text_with_nothing_to_drop_is_the_same_instance()
    {
        const string text = "Kraków 🙂 news";
        XmlCharacters.RemoveForbidden(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void A_pair_split_between_two_blocks_is_kept()
    {
        var pending = false;
        var first = "ab\uD83D".ToCharArray();
        XmlCharacters.Compact(first, more: true, ref pending).ShouldBe(3);
        pending.ShouldBeTrue();

        var second = "\uDE42c".ToCharArray();
        XmlCharacters.Compact(second, more: false, ref pending).ShouldBe(2);
        new string(second, 0, 2).ShouldBe("\uDE42c");
        pending.ShouldBeFalse();
    }

    [Fact]
    public void A_high_surrogate_at_the_very_end_is_dropped()
    {
        var pending = false;
        var last = "ab\uD83D".ToCharArray();
        XmlCharacters.Compact(last, more: false, ref pending).ShouldBe(2);
        pending.ShouldBeFalse();
    }
}
