using Aggregator.Configuration;
using Aggregator.Core.Query;

namespace Aggregator.Tests.Configuration;

/// <summary>Rule queries checked by the real query language, through the loader's default validation.</summary>
public sealed class ConfigQueryValidationTests
{
    [Theory]
    [InlineData("troops AND (border")]
    [InlineData("troops AND")]
    [InlineData("title:(a OR")]
    [InlineData("a NEAR/x b")]
    public void An_invalid_query_is_reported_at_the_column_the_language_names(string query)
    {
        var error = SyntaxErrorOf(query);
        using var dir = new TempConfigDirectory();
        dir.Write("rules.yaml", $"""
            rules:
              - id: border
                query: "{query}"
                notify: []
            """);

        var result = new ConfigLoader(_ => null).Load(dir.Path);

        // The query's text starts at column 13, after `    query: "`.
        var column = 13 + error.Column - 1;
        dir.Lines(result).Where(line => line.Contains(": error: ", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldBe($"rules.yaml:3:{column}: error: invalid query in rule 'border': {error.Message}");
        result.Config.ShouldBeNull();
    }

    [Fact]
    public void The_contract_sample_query_is_valid()
    {
        SkipUnlessAvailable();
        using var dir = new TempConfigDirectory();
        dir.Write("rules.yaml", "rules:\n  - id: border\n    query: troops AND border\n    notify: []\n");

        var result = new ConfigLoader(_ => null).Load(dir.Path);

        result.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        result.Config.ShouldNotBeNull();
    }

    private static QuerySyntaxException SyntaxErrorOf(string query)
    {
        SkipUnlessAvailable();
        return Should.Throw<QuerySyntaxException>(() => RuleIndex.Validate(query));
    }

    private static void SkipUnlessAvailable()
    {
        try
        {
            RuleIndex.Validate("border");
        }
        catch (NotImplementedException)
        {
            Assert.Skip("query language not available");
        }
    }
}
