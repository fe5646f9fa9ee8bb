using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>The reads of subscriber choices that the relay, the poller and <c>status</c> need.</summary>
internal interface ISubscriberChoiceReads
{
    /// <summary>One subscriber's choices; <see cref="SubscriberChoices.None"/> when they made none.</summary>
    Task<SubscriberChoices> GetChoicesAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>Every subscriber with at least one choice, by id.</summary>
    Task<IReadOnlyList<SubscriberChoices>> ListChoicesAsync(CancellationToken cancellationToken);

    /// <summary>Per rule, how many alerts subscribers marked not relevant, by rule id.</summary>
    Task<IReadOnlyList<NotRelevantCount>> NotRelevantCountsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Subscriber choices (unsubscriptions, pause, digest cadence, rules off, mutes) and their "not relevant" feedback:
/// store state layered over the YAML config. Each change is idempotent; times are the store clock's.
/// </summary>
internal interface ISubscriberChoices : ISubscriberChoiceReads
{
    /// <summary>Stops <paramref name="ruleId"/> (null: every rule) for <paramref name="address"/> (null: every address and the webhook).</summary>
    Task UnsubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken);

    /// <summary>Removes exactly that unsubscription; returns whether there was one.</summary>
    Task<bool> ResubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken);

    Task PauseAsync(string subscriberId, DateTimeOffset until, CancellationToken cancellationToken);

    Task<bool> UnpauseAsync(string subscriberId, CancellationToken cancellationToken);

    /// <summary>Overrides the config's digest; a parsed schedule, so only a valid cadence is ever stored.</summary>
    Task SetDigestAsync(string subscriberId, DigestSchedule digest, CancellationToken cancellationToken);

    Task<bool> ClearDigestAsync(string subscriberId, CancellationToken cancellationToken);

    Task RuleOffAsync(string subscriberId, string ruleId, CancellationToken cancellationToken);

    Task<bool> RuleOnAsync(string subscriberId, string ruleId, CancellationToken cancellationToken);

    Task MuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken);

    Task<bool> UnmuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken);

    /// <summary>Records the feedback once per subscriber, alert and rule; returns false when it was already recorded.</summary>
    Task<bool> MarkNotRelevantAsync(string subscriberId, string alertId, string ruleId, CancellationToken cancellationToken);

    /// <summary>The print of the story an alert reported (kept while stories are grouped for the subscriber); null when none is kept.</summary>
    Task<Core.Stories.StoryPrint?> StoryOfAlertAsync(string subscriberId, string alertId, CancellationToken cancellationToken);

    /// <summary>An operator lifts one kind of choice (null: every kind) of a subscriber; feedback is kept. Returns how many were lifted.</summary>
    Task<int> LiftChoicesAsync(string subscriberId, ChoiceKind? kind, CancellationToken cancellationToken);
}
