using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public sealed class PollOutcomeNamesTests
{
    [Theory]
    [InlineData("Parsed", "ok")]
    [InlineData("NotModified", "not-modified")]
    [InlineData("Unchanged", "unchanged")]
    [InlineData("Failed", "failed")]
    [InlineData("Gone", "gone")]
    [InlineData("Throttled", "throttled")]
    public void A_stored_outcome_keeps_the_word_status_shows(string member, string name)
    {
        var outcome = Enum.Parse<PollOutcome>(member);
        PollOutcomeNames.Name(outcome).ShouldBe(name);
        PollOutcomeNames.Parse(name).ShouldBe(outcome);
    }

    [Fact]
    public void A_skipped_poll_is_never_stored()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PollOutcomeNames.Name(PollOutcome.Skipped));
        Should.Throw<FormatException>(() => PollOutcomeNames.Parse("skipped"));
    }
}
