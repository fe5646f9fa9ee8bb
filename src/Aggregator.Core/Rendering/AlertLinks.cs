namespace Aggregator.Core.Rendering;

/// <summary>
/// What a subscriber can follow from a message about one rule: the explanation page, their preferences and
/// the rule's unsubscribe link. Any of them may be missing; links are made (and signed) outside rendering.
/// </summary>
public sealed record AlertLinks(Uri? Why, Uri? Preferences, Uri? Unsubscribe)
{
    public bool IsEmpty => Why is null && Preferences is null && Unsubscribe is null;
}

/// <summary>The links for <paramref name="ruleId"/> in the message about <paramref name="alert"/>; null when there are none.</summary>
public delegate AlertLinks? AlertLinkSource(Alerts.Alert alert, string ruleId);
