using Aggregator.Configuration;
using Aggregator.Core.Query;

namespace Aggregator.Tests.Configuration;

/// <summary>Where a query error lands in the file, whatever the query language says about its column.</summary>
public sealed class ConfigQueryColumnTests
{
    /// <summary>Rejects any query containing '(' at that character, as a query compiler would.</summary>
    private static void RejectParenthesis(string query)
    {
        var index = query.IndexOf('(', StringComparison.Ordinal);
        if (index >= 0) throw new QuerySyntaxException("unclosed parenthesis", index + 1);
    }

    [Theory]
    [InlineData("query: troops AND (border", 23)]
    [InlineData("query: \"troops AND (border\"", 24)]
    [InlineData("query: 'troops AND (border'", 24)]
    [InlineData("query:   (border", 14)]
    public void A_query_error_points_at_its_column_in_the_file(string line, int column)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("rules.yaml", $"""
            rules:
              - id: border
                {line}
            """);

        var result = new ConfigLoader(_ => null, RejectParenthesis).Load(dir.Path);

        dir.Lines(result).ShouldBe([$"rules.yaml:3:{column}: error: invalid query in rule 'border': unclosed parenthesis"]);
        result.Config.ShouldBeNull();
    }
}
