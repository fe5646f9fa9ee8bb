using Aggregator.Core.Text;

namespace Aggregator.Core.Tests.Text;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain words", "plain words")]
    [InlineData("<p>Troops</p><p>at the border</p>", "Troops at the border")]
    [InlineData("Kra<b>k</b>ów", "Kraków")]
    [InlineData("<a href=\"https://x\">link</a>ed", "linked")]
    [InlineData("one<br>two<br/>three", "one two three")]
    [InlineData("<li>a</li><li>b</li>", "a b")]
    [InlineData("  spaced \n\t out  ", "spaced out")]
    [InlineData("Fish &amp; chips &eacute;t&eacute; &#8212; &lt;b&gt;", "Fish & chips été — <b>")]
    [InlineData("before<!-- a <b>comment</b> -->after", "beforeafter")]
    [InlineData("x<script>alert('<p>')</script>y", "xy")]
    [InlineData("x<STYLE>p { color: red }</STYLE> y", "x y")]
    [InlineData("a < b and c", "a < b and c")]
    [InlineData("1 &lt; 2", "1 < 2")]
    public void Html_becomes_plain_text(string? html, string expected) => HtmlText.ToPlainText(html).ShouldBe(expected);

    [Fact]
    public void Text_that_needs_nothing_is_returned_as_it_is()
    {
        const string text = "Troops gather near the northern border";
        HtmlText.ToPlainText(text).ShouldBeSameAs(text);
    }
}
