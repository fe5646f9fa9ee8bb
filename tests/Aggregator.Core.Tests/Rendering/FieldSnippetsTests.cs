using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Core.Tests.Rendering;

public sealed class FieldSnippetsTests
{
    private static readonly FeedRef Feed = new("world-news", "World News", "https://news.example.org/feed.xml");

    private static FeedItem Item(string title = "", string summary = "", string content = "") =>
        new("k", null, title, null, null, null, summary, content, [], []);

    private static TermMatch Match(string field, string text, string term, string found, int occurrence = 0)
    {
        var at = -1;
        for (var i = 0; i <= occurrence; i++) at = text.IndexOf(found, at + 1, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{found}' is in the text");
        return new TermMatch(field, term, at, found.Length, "(the matcher's own window)");
    }

    private static IEnumerable<string> MarkedWords(FieldSnippet s) => s.Marks.Select(m => s.Text.Substring(m.Start, m.Length));

    [Fact]
    public void Several_terms_of_several_rules_in_one_field_make_one_snippet_with_every_term_marked()
    {
        const string title = "Troops gather near the northern border as talks stall";
        var item = Item(title);

        var snippets = FieldSnippets.For(
            [Match("title", title, "troops", "Troops"), Match("title", title, "border", "border"), Match("title", title, "talk*", "talks")], item, Feed);

        var snippet = snippets.ShouldHaveSingleItem();
        snippet.Field.ShouldBe("title");
        snippet.Text.ShouldBe(title);
        MarkedWords(snippet).ShouldBe(["Troops", "border", "talks"]);
    }

    [Fact]
    public void Fields_come_in_reading_order_title_first_each_once()
    {
        const string title = "Border closed";
        const string summary = "The border was closed to troops on Monday.";
        var item = Item(title, summary);

        var snippets = FieldSnippets.For(
            [Match("summary", summary, "troops", "troops"), Match("title", title, "border", "Border"), Match("summary", summary, "border", "border")], item, Feed);

        snippets.Select(s => s.Field).ShouldBe(["title", "summary"]);
        MarkedWords(snippets[1]).ShouldBe(["border", "troops"]);
    }

    [Fact]
    public void Overlapping_and_touching_terms_become_one_mark()
    {
        const string title = "Peacekeeping troops withdraw";
        var item = Item(title);
        var phrase = Match("title", title, "\"peacekeeping troops\"", "Peacekeeping troops");
        var word = Match("title", title, "troops", "troops");
        var prefix = Match("title", title, "peace*", "Peacekeeping");
        var touching = new TermMatch("title", "/ing troops w/", 9, 12, "");

        var snippet = FieldSnippets.For([word, phrase, prefix, touching], item, Feed).ShouldHaveSingleItem();

        MarkedWords(snippet).ShouldBe(["Peacekeeping troops w"]);
        SnippetWindow.Merge([new SnippetMark(0, 3), new SnippetMark(3, 2), new SnippetMark(6, 1)])
            .ShouldBe([new SnippetMark(0, 5), new SnippetMark(6, 1)]);
    }

    [Fact]
    public void A_term_near_the_end_of_a_long_field_is_shown_with_the_text_before_it()
    {
        var content = string.Join(' ', Enumerable.Repeat("Nothing of note happened today.", 40)) + " Then troops crossed the border.";
        var item = Item(content: content);

        var snippet = FieldSnippets.For([Match("content", content, "troops", "troops"), Match("content", content, "border", "border")], item, Feed)
            .ShouldHaveSingleItem();

        snippet.Text.ShouldStartWith("…");
        snippet.Text.ShouldEndWith("Then troops crossed the border.");
        snippet.Text.Length.ShouldBeLessThanOrEqualTo(FieldSnippets.MaxLength("content") + 1);
        MarkedWords(snippet).ShouldBe(["troops", "border"]);
    }

    [Fact]
    public void Non_latin_text_without_spaces_is_cut_on_characters_and_marks_stay_on_their_words()
    {
        var content = string.Concat(Enumerable.Repeat("政府は本日記者会見を開いた。", 30)) + "国境付近で部隊が集結している。" + string.Concat(Enumerable.Repeat("詳細は不明。", 30));
        var item = Item(content: content);

        var snippet = FieldSnippets.For([Match("content", content, "国境", "国境"), Match("content", content, "部隊", "部隊")], item, Feed).ShouldHaveSingleItem();

        snippet.Text.ShouldStartWith("…");
        snippet.Text.ShouldEndWith("…");
        snippet.Text.Length.ShouldBe(FieldSnippets.MaxLength("content") + 2);
        MarkedWords(snippet).ShouldBe(["国境", "部隊"]);
    }

    [Fact]
    public void Text_outside_the_basic_plane_is_never_split()
    {
        var summary = string.Concat(Enumerable.Repeat("😀", 400)) + " troops " + string.Concat(Enumerable.Repeat("😀", 400));
        var item = Item(summary: summary);

        var snippet = FieldSnippets.For([Match("summary", summary, "troops", "troops")], item, Feed).ShouldHaveSingleItem();

        for (var i = 0; i < snippet.Text.Length; i++)
        {
            if (char.IsHighSurrogate(snippet.Text[i])) char.IsLowSurrogate(snippet.Text[i + 1]).ShouldBeTrue();
            if (char.IsLowSurrogate(snippet.Text[i])) char.IsHighSurrogate(snippet.Text[i - 1]).ShouldBeTrue();
        }
        MarkedWords(snippet).ShouldBe(["troops"]);
    }

    [Fact]
    public void A_very_long_field_shows_the_window_holding_the_most_marks()
    {
        var filler = string.Join(' ', Enumerable.Repeat("filler words here", 300));
        var content = $"A lone troops mention. {filler} Dense: troops, border, troops and border again. {filler}";
        var item = Item(content: content);
        var matches = new[]
        {
            Match("content", content, "troops", "troops", 0),
            Match("content", content, "troops", "troops", 1),
            Match("content", content, "border", "border", 0),
            Match("content", content, "troops", "troops", 2),
            Match("content", content, "border", "border", 1),
        };

        var snippet = FieldSnippets.For(matches, item, Feed).ShouldHaveSingleItem();

        snippet.Text.Length.ShouldBeLessThanOrEqualTo(FieldSnippets.MaxLength("content") + 2);
        snippet.Text.ShouldContain("Dense: troops");
        snippet.Text.ShouldNotContain("lone");
        MarkedWords(snippet).ShouldBe(["troops", "border", "troops", "border"]);
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_one_space_and_marks_follow()
    {
        const string summary = "First line.\r\n\r\n   Troops\tat the\nborder.";
        var item = Item(summary: summary);

        var snippet = FieldSnippets.For([Match("summary", summary, "troops", "Troops"), Match("summary", summary, "border", "border")], item, Feed)
            .ShouldHaveSingleItem();

        snippet.Text.ShouldBe("First line. Troops at the border.");
        MarkedWords(snippet).ShouldBe(["Troops", "border"]);
    }

    [Fact]
    public void A_match_whose_offsets_do_not_fit_the_field_is_found_by_its_term()
    {
        const string summary = "La Défense reste fermée";
        var item = Item(summary: summary);

        var snippet = FieldSnippets.For([new TermMatch("summary", "defense", 999, 7, summary)], item, Feed).ShouldHaveSingleItem();

        MarkedWords(snippet).ShouldBe(["Défense"]);
    }

    [Fact]
    public void Every_occurrence_of_a_matched_word_is_marked_but_never_inside_a_longer_word()
    {
        const string summary = "Children in Europe: European agencies say children arriving in europe are alone.";
        var item = Item(summary: summary);

        var snippet = FieldSnippets.For([Match("summary", summary, "child", "Children"), Match("summary", summary, "europe", "Europe")], item, Feed)
            .ShouldHaveSingleItem();

        MarkedWords(snippet).ShouldBe(["Children", "Europe", "children", "europe"]);
    }
}
