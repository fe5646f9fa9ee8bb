using Aggregator.Core.Text;

namespace Aggregator.Core.Tests.Text;

public sealed class SnippetTests
{
    [Fact]
    public void Whole_text_when_short() => Snippet.Around("a b c", 2, 1).ShouldBe("a b c");

    [Fact]
    public void Cuts_at_word_boundaries_and_marks_the_cuts()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 40)) + "TARGET" + string.Concat(Enumerable.Repeat(" word", 40));
        var start = text.IndexOf("TARGET", StringComparison.Ordinal);
        var snippet = Snippet.Around(text, start, 6);
        snippet.ShouldStartWith("…word ");
        snippet.ShouldEndWith(" word…");
        snippet.ShouldContain("TARGET");
        snippet.Trim('…').Split(' ').ShouldAllBe(w => w == "word" || w == "TARGET");
    }

    [Fact]
    public void Cuts_inside_a_word_only_when_there_is_no_space()
    {
        var text = new string('x', 100) + "T" + new string('y', 100);
        var snippet = Snippet.Around(text, 100, 1, 10);
        snippet.ShouldBe("…" + new string('x', 10) + "T" + new string('y', 10) + "…");
    }
}
