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
    [InlineData("a\u00A0\u00A0b\u3000c", "a b c")]
    [InlineData("a&nbsp; &nbsp;b", "a b")]
    [InlineData("&nbsp;edge&#32;", "edge")]
    [InlineData("<p> </p><p>\t</p>", "")]
    [InlineData("a<>b", "a b")]
    [InlineData("a &lt;p&gt;  b", "a <p> b")]
    [InlineData("AT&T &amp; R&D", "AT&T & R&D")]
    public void Html_becomes_plain_text(string? html, string expected) => HtmlText.ToPlainText(html).ShouldBe(expected);

    [Theory]
    [InlineData("Troops gather near the northern border")]
    [InlineData("Fish & chips & more")]
    [InlineData("Ends with &")]
    public void Text_that_needs_nothing_is_returned_as_it_is(string text) => HtmlText.ToPlainText(text).ShouldBeSameAs(text);

    /// <summary>
    /// The one-pass rewrite against the plain definition (tags out, entities decoded, white space collapsed)
    /// over fragments mixing every case: words, runs of all kinds of white space, entities, inline and
    /// block tags, comments.
    /// </summary>
    [Fact]
    public void Agrees_with_the_plain_definition_on_generated_fragments()
    {
        string[] parts = ["word", "Kraków", " ", "  ", "\t", "\n", "\u00A0", "\u2003", "&amp;", "&nbsp;", "&lt;b&gt;", "&#32;",
            "<b>", "</b>", "<p>", "</p>", "<br/>", "<!-- c -->", "x", "é", "&", "<"];
        var random = new Random(11);
        for (var n = 0; n < 5_000; n++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => parts[random.Next(parts.Length)]));
            HtmlText.ToPlainText(html).ShouldBe(Definition(html), html);
        }
    }

    private static string Definition(string html)
    {
        // A comment goes; a tag is everything from '<' to the next '>'; inline tags (here <b>) join, others separate.
        var stripped = System.Text.RegularExpressions.Regex.Replace(html, "<!--.*?-->|<[^>]*>",
            m => m.Value.StartsWith("<!--", StringComparison.Ordinal) || m.Value is "<b>" or "</b>" ? "" : " ");
        var decoded = System.Net.WebUtility.HtmlDecode(stripped);
        return string.Join(' ', decoded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
