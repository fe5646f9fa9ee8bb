using Aggregator.Core.Alerts;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    private StoredChoices? _choices;

    private StoredChoices Choices => _choices ??= new StoredChoices(async ct => await OpenAsync(ct), t => t.ToUnixTimeMilliseconds(), SqliteValues.ReadTime, _time);

    public Task<SubscriberChoices> GetChoicesAsync(string subscriberId, CancellationToken cancellationToken) => Choices.GetAsync(subscriberId, cancellationToken);

    public Task<IReadOnlyList<SubscriberChoices>> ListChoicesAsync(CancellationToken cancellationToken) => Choices.ListAsync(cancellationToken);

    public Task<IReadOnlyList<NotRelevantCount>> NotRelevantCountsAsync(CancellationToken cancellationToken) => Choices.NotRelevantCountsAsync(cancellationToken);

    public Task UnsubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken) =>
        Choices.Unsubscribe(subscriberId, address, ruleId, cancellationToken);

    public Task<bool> ResubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken) =>
        Choices.Resubscribe(subscriberId, address, ruleId, cancellationToken);

    public Task PauseAsync(string subscriberId, DateTimeOffset until, CancellationToken cancellationToken) => Choices.Pause(subscriberId, until, cancellationToken);

    public Task<bool> UnpauseAsync(string subscriberId, CancellationToken cancellationToken) => Choices.Delete(ChoiceKind.Pause, subscriberId, cancellationToken);

    public Task SetDigestAsync(string subscriberId, DigestSchedule digest, CancellationToken cancellationToken) =>
        Choices.SetDigest(subscriberId, digest.ToString(), cancellationToken);

    public Task<bool> ClearDigestAsync(string subscriberId, CancellationToken cancellationToken) => Choices.Delete(ChoiceKind.Digest, subscriberId, cancellationToken);

    public Task RuleOffAsync(string subscriberId, string ruleId, CancellationToken cancellationToken) => Choices.RuleOff(subscriberId, ruleId, cancellationToken);

    public Task<bool> RuleOnAsync(string subscriberId, string ruleId, CancellationToken cancellationToken) => Choices.RuleOn(subscriberId, ruleId, cancellationToken);

    public Task MuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken) =>
        Choices.Mute(subscriberId, ruleId, kind, value, cancellationToken);

    public Task<bool> UnmuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken) =>
        Choices.Unmute(subscriberId, ruleId, kind, value, cancellationToken);

    public Task<bool> MarkNotRelevantAsync(string subscriberId, string alertId, string ruleId, CancellationToken cancellationToken) =>
        Choices.MarkNotRelevant(subscriberId, alertId, ruleId, cancellationToken);

    public Task<Core.Stories.StoryPrint?> StoryOfAlertAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
        Choices.StoryOfAlert(subscriberId, alertId, cancellationToken);

    public Task<int> LiftChoicesAsync(string subscriberId, ChoiceKind? kind, CancellationToken cancellationToken) => Choices.Lift(subscriberId, kind, cancellationToken);
}
