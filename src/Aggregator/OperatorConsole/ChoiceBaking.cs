using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>
/// A subscriber's choices as a change of the YAML, where the YAML can say the same: a chosen digest becomes the
/// subscriber's <c>digest</c>; an address unsubscribed from everything leaves the subscriber's <c>email</c>; a rule turned
/// off, or unsubscribed by every address, loses the subscriber from its <c>notify</c>. A pause, a mute, or one address of
/// several leaving one rule have no YAML form: they are named, and stay choices.
/// </summary>
internal static class ChoiceBaking
{
    /// <summary>One key of one entry set to a list (empty: the key goes) or a scalar.</summary>
    public sealed record Change(ConfigSection Section, string Id, string Key, IReadOnlyList<string>? List, string? Scalar)
    {
        public override string ToString() =>
            $"{Section.Noun()} {Id}: {Key} {(List is null ? Scalar : List.Count == 0 ? "removed" : $"[{string.Join(", ", List)}]")}";
    }

    public sealed record Plan(IReadOnlyList<Change> Changes, IReadOnlyList<string> NotBaked);

    public static Plan For(ConfigSnapshot snapshot, SubscriberChoices choices)
    {
        var subscriber = snapshot.Subscribers[choices.SubscriberId];
        List<Change> changes = [];
        List<string> notBaked = [];
        var leavingRules = new SortedSet<string>(choices.RulesOff, StringComparer.Ordinal);
        var leavingAddresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var u in choices.Unsubscriptions)
        {
            var everyAddress = u.Address is null || (subscriber.Email is [var only] && only == u.Address && subscriber.Webhook is null);
            if (everyAddress && u.RuleId is { } rule) leavingRules.Add(rule);
            else if (everyAddress) leavingRules.UnionWith(snapshot.Config.Rules.Where(r => r.Notify.Contains(subscriber.Id)).Select(r => r.Id));
            else if (u.RuleId is null) leavingAddresses.Add(u.Address!);
            else notBaked.Add($"{u.Address} left rule {u.RuleId} but the subscriber's other addresses did not: the YAML has no rule per address");
        }
        if (choices.DigestOverride is { } digest) changes.Add(new(ConfigSection.Subscribers, subscriber.Id, "digest", null, digest.ToString()));
        if (leavingAddresses.Count > 0)
            changes.Add(new(ConfigSection.Subscribers, subscriber.Id, "email", [.. subscriber.Email.Where(a => !leavingAddresses.Contains(a))], null));
        foreach (var rule in leavingRules)
        {
            if (snapshot.RulesById.TryGetValue(rule, out var config) && config.Notify.Contains(subscriber.Id))
                changes.Add(new(ConfigSection.Rules, rule, "notify", [.. config.Notify.Where(n => n != subscriber.Id)], null));
        }
        if (choices.PausedUntil is { } until) notBaked.Add($"paused until {until:yyyy-MM-dd HH:mm} UTC: a pause has no YAML form");
        notBaked.AddRange(choices.Mutes.Select(m => $"muted {(m.Kind == MuteKind.Word ? "word" : "story")} {m.Label}: a mute has no YAML form"));
        return new Plan(changes, notBaked);
    }

    /// <summary>The edit of one file: the planned changes to the entries it holds.</summary>
    public static Func<string, string> Edit(string file, IEnumerable<Change> changes) => text =>
    {
        foreach (var change in changes)
        {
            var edit = new YamlFileEdit(file, text);
            var result = change.List is { Count: 0 } ? edit.RemoveKey(change.Section.Key(), change.Id, change.Key)
                : edit.SetValue(change.Section.Key(), change.Id, change.Key, change.List is { } list ? YamlValue.List(list) : YamlValue.Scalar(change.Scalar!));
            text = result.Text ?? throw new ConfigEditException(result.Error!);
        }
        return text;
    };
}
