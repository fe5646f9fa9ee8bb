namespace Aggregator.OperatorConsole;

/// <summary>
/// A subscriber as configured and what they chose through their links over it, each kind of choice an operator can
/// lift (<c>unsubscription</c>, <c>pause</c>, <c>digest</c>, <c>ruleoff</c>, <c>mute</c>).
/// </summary>
public sealed record SubscriberChoiceRow(
    string Id, IReadOnlyList<string> Addresses, bool Webhook, string Digest, string? DigestChosen, DateTimeOffset? PausedUntil,
    IReadOnlyList<string> Unsubscribed, IReadOnlyList<string> RulesOff, IReadOnlyList<string> Mutes)
{
    public bool HasChoices => DigestChosen is not null || PausedUntil is not null || Unsubscribed.Count + RulesOff.Count + Mutes.Count > 0;
}

public sealed record SubscribersView(IReadOnlyList<SubscriberChoiceRow> Subscribers, string? Notice);

/// <summary>What baking a subscriber's choices into the YAML would change, file by file, and what has no YAML form.</summary>
public sealed record BakeView(string SubscriberId, IReadOnlyList<BakeFileView> Files, IReadOnlyList<string> NotBaked);

public sealed record BakeFileView(string File, string BaseHash, IReadOnlyList<string> Changes, ChangeView? Change);
