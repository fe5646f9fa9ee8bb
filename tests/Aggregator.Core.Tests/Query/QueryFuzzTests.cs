using System.Text;
using Aggregator.Core.Query;
using Aggregator.Core.Query.Syntax;
using static Aggregator.Core.Tests.Query.Items;

namespace Aggregator.Core.Tests.Query;

/// <summary>Random deep and large queries: the parser answers with a query or a syntax error naming a column, never a crash.</summary>
public sealed class QueryFuzzTests
{
    private static readonly string[] Pieces =
    [
        "(", ")", "(", ")", "NOT ", "-", "AND ", "OR ", "NEAR ", "NEAR/3 ", "NEAR/0 ", "title:", "feed:", "foo:", "\"", "\"a b\" ",
        "word ", "words ", "pre* ", "/x+/ ", "/(/ ", "\\/ ", "*", ":", "  ", "東京 ", "Ⅱ ", "é ", "\u0000", "\uD800",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_queries_parse_or_fail_with_a_column(int seed)
    {
        var random = new Random(seed);
        var item = Item(title: "word pre东京 a b", summary: "xx words", categories: ["a", "b"]);
        for (var round = 0; round < 2_000; round++)
        {
            var query = new StringBuilder();
            var length = random.Next(1, round % 100 == 0 ? 20_000 : 40);
            for (var i = 0; i < length; i++) query.Append(Pieces[random.Next(Pieces.Length)]);
            Outcome(query.ToString(), item);
        }
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("NOT ", "")]
    [InlineData("-", "")]
    [InlineData("title:", "")]
    [InlineData("title:(", ")")]
    [InlineData("(a OR ", ")")]
    public void Very_deep_queries_are_refused_with_a_column_not_a_stack_overflow(string open, string close)
    {
        // "title:(" opens two levels at once: 40 of any of these fit.
        foreach (var depth in new[] { 40, 100_000 })
        {
            var query = string.Concat(Enumerable.Repeat(open, depth)) + "a" + string.Concat(Enumerable.Repeat(close, depth));
            if (depth == 40)
            {
                Should.NotThrow(() => RuleIndex.Validate(query));
                continue;
            }
            var ex = Should.Throw<QuerySyntaxException>(() => RuleIndex.Validate(query));
            ex.Message.ShouldContain($"nested deeper than {QueryParser.MaxNesting} levels");
            ex.Column.ShouldBeGreaterThan(0);
        }
    }

    private static void Outcome(string query, Aggregator.Core.Items.FeedItem item)
    {
        try
        {
            RuleIndex.Validate(query);
        }
        catch (QuerySyntaxException ex)
        {
            ex.Column.ShouldBeInRange(0, query.Length + 1, query);
            return;
        }
        var index = RuleIndex.Build([new RuleDefinition("r", query, null)]);
        Should.NotThrow(() => index.Match(item, "f"), query);
        Should.NotThrow(() => RuleIndex.FormsOf(query), query);
        Should.NotThrow(() => RuleIndex.Warnings(query), query);
    }
}
