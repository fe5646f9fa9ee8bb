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

    [Fact]
    public void Same_window_as_cutting_trimming_and_marking_step_by_step()
    {
        var random = new Random(3);
        string[] pieces = ["word", " ", "  ", "\t", "\n", "Kraków", "x", " \u00a0", "…"];
        for (var n = 0; n < 2000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var start = random.Next(-2, text.Length + 3);
            var length = random.Next(0, 12);
            var context = random.Next(0, 30);
            Snippet.Around(text, start, length, context).ShouldBe(StepByStep(text, start, length, context), $"'{text}' {start} {length} {context}");
        }
    }

    [Fact]
    public void A_short_text_is_its_own_snippet() =>
        Snippet.Around("Troops at the border", 14, 6).ShouldBeSameAs("Troops at the border");

    private static string StepByStep(string text, int start, int length, int context)
    {
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + length, start, text.Length);
        var from = start - context;
        var cutLeft = from > 0;
        if (!cutLeft) from = 0;
        else
        {
            for (var i = from; i < start; i++)
                if (char.IsWhiteSpace(text[i])) { from = i + 1; break; }
        }
        var to = end + context;
        var cutRight = to < text.Length;
        if (!cutRight) to = text.Length;
        else
        {
            for (var i = to; i > end; i--)
                if (char.IsWhiteSpace(text[i])) { to = i; break; }
        }
        return (cutLeft ? "…" : "") + text[from..to].Trim() + (cutRight ? "…" : "");
    }
}
