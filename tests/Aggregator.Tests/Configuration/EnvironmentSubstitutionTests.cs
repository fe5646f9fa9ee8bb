using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

public sealed class EnvironmentSubstitutionTests
{
    private static readonly Dictionary<string, string> Env = new() { ["HOST"] = "smtp.example.org", ["EMPTY"] = "" };

    [Theory]
    [InlineData("${HOST}", "smtp.example.org")]
    [InlineData("mail-${HOST}:25", "mail-smtp.example.org:25")]
    [InlineData("${MISSING:-fallback}", "fallback")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY}", "")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("${HOST:-fallback}", "smtp.example.org")]
    [InlineData("cost: $5", "cost: $5")]
    [InlineData("$${HOST}", "${HOST}")]
    public void Expands_references(string text, string expected)
    {
        var problems = new List<EnvironmentSubstitution.Problem>();

        EnvironmentSubstitution.Expand(text, Env.GetValueOrDefault, problems).ShouldBe(expected);

        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("x${MISSING}", 1, "environment variable MISSING is not set")]
    [InlineData("${HOST", 0, "unterminated '${' (write '$${' for a literal '${')")]
    [InlineData("ab${1BAD}", 2, "invalid environment variable reference '${1BAD}': expected ${NAME} or ${NAME:-default}")]
    public void Reports_problems_at_their_offset(string text, int offset, string message)
    {
        var problems = new List<EnvironmentSubstitution.Problem>();

        EnvironmentSubstitution.Expand(text, Env.GetValueOrDefault, problems);

        problems.ShouldBe([new EnvironmentSubstitution.Problem(offset, message)]);
    }

    [Fact]
    public void References_work_in_any_value_and_errors_point_at_the_reference()
    {
        using var dir = new TempConfigDirectory();
        dir.Environment["FEED_HOST"] = "feeds.example.org";
        dir.Write("config.yaml", """
            feeds:
              - id: world
                url: https://${FEED_HOST}/world.xml
                every: ${POLL_EVERY:-10m}
            subscribers:
              - id: ops
                email: ['${OPS_EMAIL}']
            """);

        var result = dir.Load();

        dir.Lines(result).ShouldBe(["config.yaml:7:14: error: environment variable OPS_EMAIL is not set"]);

        dir.Environment["OPS_EMAIL"] = "ops@example.org";
        var config = dir.Load().Config.ShouldNotBeNull();
        config.Feeds[0].Location.ShouldBe(new Uri("https://feeds.example.org/world.xml"));
        config.Feeds[0].Every.ShouldBe(TimeSpan.FromMinutes(10));
        config.Subscribers[0].Email.ShouldBe(["ops@example.org"]);
    }
}
