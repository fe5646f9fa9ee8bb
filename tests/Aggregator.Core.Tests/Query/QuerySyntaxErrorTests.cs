using Aggregator.Core.Query;

namespace Aggregator.Core.Tests.Query;

public sealed class QuerySyntaxErrorTests
{
    [Theory]
    [InlineData("", 1, "empty query")]
    [InlineData("   ", 1, "empty query")]
    [InlineData("AND troops", 1, "'AND' needs a term before it")]
    [InlineData("troops AND", 8, "'AND' needs a term after it")]
    [InlineData("troops OR", 8, "'OR' needs a term after it")]
    [InlineData("troops OR AND border", 8, "'OR' needs a term after it")]
    [InlineData("troops NOT", 8, "'NOT' needs a term after it")]
    [InlineData("NEAR troops", 1, "'NEAR' needs a term before it")]
    [InlineData("troops NEAR", 8, "'NEAR' needs a term after it")]
    [InlineData("(troops", 1, "unbalanced '('")]
    [InlineData("a AND (b OR (c)", 7, "unbalanced '('")]
    [InlineData("troops)", 7, "unbalanced ')'")]
    [InlineData("()", 1, "empty parentheses")]
    [InlineData("a NEAR/x b", 8, "NEAR/n needs a whole number")]
    [InlineData("a NEAR/0 b", 8, "NEAR/n needs a whole number")]
    [InlineData("a NEAR/ b", 8, "NEAR/n needs a whole number")]
    [InlineData("a NEAR/5000 b", 8, "NEAR/n needs a whole number")]
    [InlineData("a NEAR/1001 b", 8, "from 1 to 1000")]
    [InlineData("troops NEAR/-1 b", 13, "NEAR/n needs a whole number")]
    [InlineData("a NEAR/3 (b AND c)", 3, "NEAR/3 needs words, phrases or prefixes")]
    [InlineData("a NEAR NOT b", 8, "'NOT' cannot follow NEAR")]
    [InlineData("a NEAR -b", 8, "'-' cannot follow NEAR")]
    [InlineData("a NEAR b NEAR c", 10, "cannot be chained")]
    [InlineData("a /(unclosed/", 0, "invalid regex")]
    [InlineData("a /x", 3, "unterminated regex")]
    [InlineData("//", 1, "empty regex")]
    [InlineData("titel:troops", 1, "unknown field 'titel:'")]
    [InlineData("troops https://example.org", 8, "unknown field 'https:'")]
    [InlineData("title: troops", 1, "must be directly followed")]
    [InlineData("troops title:", 8, "must be directly followed")]
    [InlineData("foo:bar", 1, "unknown field 'foo:'")]
    [InlineData("(a OR b", 1, "unbalanced '('")]
    [InlineData("a \"\"", 3, "empty phrase")]
    [InlineData("a \" ... \"", 3, "empty phrase")]
    [InlineData("a \"unterminated", 3, "unterminated phrase")]
    [InlineData("a - b", 3, "'-' must be directly followed")]
    [InlineData("troops &&", 8, "no letters or digits")]
    [InlineData("*", 1, "a prefix must be a single word")]
    [InlineData("foo-ba*", 1, "a prefix must be a single word")]
    public void Invalid_query_names_its_column(string query, int column, string message)
    {
        var ex = Should.Throw<QuerySyntaxException>(() => RuleIndex.Validate(query));
        if (column > 0) ex.Column.ShouldBe(column, ex.Message);
        else ex.Column.ShouldBeGreaterThan(0);
        ex.Message.ShouldContain(message, Case.Insensitive);
    }

    [Fact]
    public void Regex_error_points_into_the_pattern()
    {
        var ex = Should.Throw<QuerySyntaxException>(() => RuleIndex.Validate("x /ab[/"));
        ex.Column.ShouldBeGreaterThanOrEqualTo(4);
        ex.Column.ShouldBeLessThanOrEqualTo(7);
    }

    [Fact]
    public void Build_names_the_rule_and_keeps_the_column()
    {
        var ex = Should.Throw<QuerySyntaxException>(() => RuleIndex.Build(
        [
            new RuleDefinition("good", "troops", null),
            new RuleDefinition("bad", "troops AND", null),
        ]));
        ex.Message.ShouldStartWith("rule 'bad': ");
        ex.Column.ShouldBe(8);
    }

    [Theory]
    [InlineData("troops")]
    [InlineData("title:(a OR b) -c")]
    [InlineData("a NEAR/1000 b")]
    [InlineData("\"a b\" NEAR (c OR d*)")]
    [InlineData("feed:world-news")]
    [InlineData("/troop(s|ship)/")]
    [InlineData("and or not near")]
    [InlineData("\"talks at 10:30\"")]
    [InlineData("NOT a NEAR b")]
    [InlineData("-a NEAR/2 b")]
    [InlineData("title:/^Breaking/")]
    [InlineData("/and\\/or/")]
    public void Valid_queries_pass(string query)
    {
        Should.NotThrow(() => RuleIndex.Validate(query));
    }
}
