using System.Text.RegularExpressions;
using Aggregator.Core.Alerts;
using Aggregator.Core.Query;
using Aggregator.Core.Stories;
using Aggregator.Storage;

namespace Aggregator.Delivery;

/// <summary>
/// Applies a subscriber's choices to one alert for one channel: a pause or a muted story or link (for every rule) stops it; a rule
/// turned off, muted for a word the item holds or muted for its link does not count; an address unsubscribed from every
/// rule left is dropped. Pure, so the poller and the relay decide alike.
/// </summary>
internal static class ChoiceFilter
{
    /// <param name="recipients">The email addresses the message would go to, or the webhook's endpoint.</param>
    public static ChoiceOutcome Apply(Alert alert, IReadOnlyList<string> recipients, SubscriberChoices choices, DateTimeOffset now)
    {
        if (choices.PausedUntil is { } until && until > now) return ChoiceOutcome.Stopped($"paused until {until:O}");
        if (MutedStoryOf(alert, choices) is { } story) return ChoiceOutcome.Stopped($"story muted: {story}");

        // An alert with no rule (an operator notice) is subject only to what covers every rule.
        var rules = alert.Rules.Where(r => Counts(r.RuleId, alert, choices)).ToList();
        if (alert.Rules.Count > 0 && rules.Count == 0) return ChoiceOutcome.Stopped("every rule of the alert is off or muted");

        var kept = new List<string>(recipients.Count);
        var keptRules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            if (alert.Rules.Count == 0)
            {
                if (!Unsubscribed(choices, recipient, null)) kept.Add(recipient);
                continue;
            }
            var theirs = rules.Where(r => !Unsubscribed(choices, recipient, r.RuleId)).ToList();
            if (theirs.Count == 0) continue;
            kept.Add(recipient);
            keptRules.UnionWith(theirs.Select(r => r.RuleId));
        }
        if (kept.Count == 0) return ChoiceOutcome.Stopped("unsubscribed");
        return new ChoiceOutcome(kept, alert.Rules.Count == 0 ? alert.Rules : [.. rules.Where(r => keptRules.Contains(r.RuleId))], null);
    }

    /// <summary>
    /// The subscriber as their choices leave them: the digest cadence they chose when it is valid, else the config's,
    /// and without the addresses unsubscribed from every rule, so mail to the others no longer names them.
    /// </summary>
    public static Configuration.SubscriberDefinition Effective(Configuration.SubscriberDefinition subscriber, SubscriberChoices choices)
    {
        if (choices.IsEmpty) return subscriber;
        var addresses = subscriber.Email.Where(a => !Unsubscribed(choices, a, null)).ToList();
        return subscriber with
        {
            Digest = choices.DigestOverride ?? subscriber.Digest,
            Email = addresses.Count == subscriber.Email.Count ? subscriber.Email : addresses,
        };
    }

    /// <summary>The muted story (for every rule) the alert is a copy of, by its label; the item's print is taken only when a story is muted.</summary>
    private static string? MutedStoryOf(Alert alert, SubscriberChoices choices)
    {
        StoryPrint? print = null;
        foreach (var mute in choices.Mutes)
        {
            if (mute.RuleId is not null) continue;
            if (mute.Kind == MuteKind.Link && alert.Item.Link?.Trim() == mute.Value) return mute.Value;
            if (mute.Kind != MuteKind.Story || MutedStory.Parse(mute.Value) is not ({ } muted, var label)) continue;
            print ??= StoryPrint.Of(alert.Item);
            if (StoryComparer.Compare(muted, print) != StoryMatch.None) return label;
        }
        return null;
    }

    private static bool Counts(string ruleId, Alert alert, SubscriberChoices choices)
    {
        if (choices.RulesOff.Contains(ruleId, StringComparer.Ordinal)) return false;
        foreach (var mute in choices.Mutes)
        {
            if (mute.RuleId is not null && mute.RuleId != ruleId) continue;
            if (mute.Kind == MuteKind.Link && alert.Item.Link?.Trim() == mute.Value) return false;
            if (mute.Kind == MuteKind.Word && HasWord(alert, mute.Value)) return false;
        }
        return true;
    }

    private static bool Unsubscribed(SubscriberChoices choices, string recipient, string? ruleId) =>
        choices.Unsubscriptions.Any(u =>
            (u.Address is null || string.Equals(u.Address, recipient.Trim(), StringComparison.OrdinalIgnoreCase))
            && (u.RuleId is null || u.RuleId == ruleId));

    /// <summary>The word on its own (not inside a longer word), in any case, in the title, summary or content.</summary>
    private static bool HasWord(Alert alert, string word)
    {
        if (string.IsNullOrWhiteSpace(word)) return false;
        var pattern = new Regex($@"(?<!\w){Regex.Escape(word.Trim())}(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        return pattern.IsMatch(alert.Item.Title) || pattern.IsMatch(alert.Item.Summary) || pattern.IsMatch(alert.Item.Content);
    }
}
