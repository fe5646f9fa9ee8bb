using Aggregator.Core.Query;

namespace Aggregator.Delivery;

/// <summary>
/// What of an alert a subscriber still receives after their choices: the recipients and the rules left, or why
/// nothing is (<see cref="Suppressed"/>). One message goes to all the recipients left, naming every rule any of them
/// still receives.
/// </summary>
internal sealed record ChoiceOutcome(IReadOnlyList<string> Recipients, IReadOnlyList<RuleMatch> Rules, string? Suppressed)
{
    public bool IsSuppressed => Suppressed is not null;

    public static ChoiceOutcome Stopped(string reason) => new([], [], reason);
}
