using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>
/// What one subscriber chose through their links, kept in the store over the YAML config and never written into it.
/// A subscriber who chose nothing has <see cref="None"/>.
/// </summary>
/// <param name="Digest">The cadence chosen over the config's, as the config writes it (<c>daily 08:00</c>).</param>
internal sealed record SubscriberChoices(
    string SubscriberId,
    IReadOnlyList<Unsubscription> Unsubscriptions,
    DateTimeOffset? PausedUntil,
    string? Digest,
    IReadOnlyList<string> RulesOff,
    IReadOnlyList<Mute> Mutes)
{
    public static SubscriberChoices None(string subscriberId) => new(subscriberId, [], null, null, [], []);

    public bool IsEmpty => Unsubscriptions.Count == 0 && PausedUntil is null && Digest is null && RulesOff.Count == 0 && Mutes.Count == 0;

    /// <summary>The chosen cadence when it is one the config would accept; a stored text no longer valid is ignored.</summary>
    public DigestSchedule? DigestOverride => Digest is { } text && DigestSchedule.TryParse(text, out var schedule, out _) ? schedule : null;
}

/// <summary>One address (or, when null, every address and endpoint) no longer receiving one rule (or, when null, any).</summary>
internal sealed record Unsubscription(string? Address, string? RuleId, DateTimeOffset At);

/// <summary>An item link, a word or a story muted for one rule (or, when null, for every rule).</summary>
internal sealed record Mute(string? RuleId, MuteKind Kind, string Value, DateTimeOffset At)
{
    /// <summary>What the mute is known by: the word or link, or a muted story's label.</summary>
    public string Label => Kind == MuteKind.Story ? MutedStory.Parse(Value).Label : Value;
}

internal enum MuteKind
{
    /// <summary>An item's link: that story no longer alerts.</summary>
    Link,

    /// <summary>A whole word, any case, in the item's title, summary or content.</summary>
    Word,

    /// <summary>A story (<see cref="MutedStory"/>): no copy of it, from any feed, alerts any more.</summary>
    Story,
}

/// <summary>The kinds of choice an operator can lift for a subscriber.</summary>
internal enum ChoiceKind
{
    Unsubscription,
    Pause,
    Digest,
    RuleOff,
    Mute,
}

/// <summary>How many times subscribers marked an alert of a rule "not relevant".</summary>
internal sealed record NotRelevantCount(string RuleId, long Count);
