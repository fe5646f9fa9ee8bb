using System.Globalization;
using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Core.Links;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;

namespace Aggregator.PublicPages;

/// <summary>
/// What the subscriber pages show and do. A link opens to its grant only with this deployment's secret, and only
/// while its subscriber is still configured; anything else is the same "not found", whatever the reason.
/// </summary>
internal sealed class SubscriberPages(ActiveConfig config, SubscriberLinks links, ISubscriberChoices choices, TimeProvider time)
{
    private static readonly string[] Cadences = ["immediate", "every 1h", "every 6h", "daily 08:00", "weekly mon 08:00"];

    public string Site => Uri.TryCreate(config.Current.Config.Settings.Public.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "this service";

    /// <summary>The grant of <paramref name="token"/> if it is a live link of the given kind.</summary>
    public LinkGrant? Open(string token, LinkKind kind) =>
        links.Open(token) is { } grant && grant.Kind == kind && config.Current.Subscribers.ContainsKey(grant.SubscriberId) ? grant : null;

    public UnsubscribeView Unsubscribe(LinkGrant grant, bool done) =>
        new(Who(grant), grant.RuleId, done, links.Preferences(grant.SubscriberId, grant.Address));

    public Task UnsubscribeAsync(LinkGrant grant, CancellationToken cancellationToken) =>
        choices.UnsubscribeAsync(grant.SubscriberId, grant.Address, grant.RuleId, cancellationToken);

    public async Task<PreferencesView> PreferencesAsync(LinkGrant grant, string? notice, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        var subscriber = snapshot.Subscribers[grant.SubscriberId];
        var chosen = await choices.GetChoicesAsync(grant.SubscriberId, cancellationToken);
        var digest = (chosen.DigestOverride ?? subscriber.Digest).ToString();
        var rules = snapshot.Config.Rules.Where(r => r.Notify.Contains(grant.SubscriberId, StringComparer.Ordinal)).Select(r => new RuleChoiceRow(
            r.Id, r.Query, !chosen.RulesOff.Contains(r.Id, StringComparer.Ordinal),
            [.. chosen.Mutes.Where(m => m.Kind == MuteKind.Word && m.RuleId == r.Id).Select(m => m.Value)])).ToList();
        var unsubscriptions = chosen.Unsubscriptions.Where(u => u.Address == grant.Address).Select(u => new UnsubscriptionRow(Who(grant), u.RuleId, u.Address)).ToList();
        return new PreferencesView(
            Who(grant), chosen.PausedUntil is { } until && until > time.GetUtcNow() ? until : null, digest, chosen.DigestOverride is not null,
            [.. Cadences.Append(subscriber.Digest.ToString()).Append(digest).Distinct(StringComparer.Ordinal)], rules,
            [.. chosen.Mutes.Where(m => m.Kind is MuteKind.Link or MuteKind.Story).Select(m => new MutedStoryRow(
                m.Label, SubscriberChoiceNames.Name(m.Kind), m.Value))], unsubscriptions, notice);
    }

    /// <summary>One change from the preferences page; the notice says what was done, or why not.</summary>
    public async Task<string> ChangeAsync(LinkGrant grant, IFormCollection form, CancellationToken cancellationToken)
    {
        var id = grant.SubscriberId;
        var rule = form["rule"].ToString() is { Length: > 0 } r && config.Current.RulesById.ContainsKey(r) ? r : null;
        var word = form["word"].ToString().Trim();
        switch (form["action"].ToString())
        {
            case "pause" when DateOnly.TryParseExact(form["until"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                var zone = config.Current.Subscribers[id].TimeZone;
                var until = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
                if (until <= time.GetUtcNow()) return "Pick a day after today.";
                await choices.PauseAsync(id, until, cancellationToken);
                return $"Paused until {day:d MMMM yyyy}.";
            case "unpause":
                await choices.UnpauseAsync(id, cancellationToken);
                return "Alerts resumed.";
            case "digest" when DigestSchedule.TryParse(form["digest"].ToString(), out var digest, out _):
                await choices.SetDigestAsync(id, digest, cancellationToken);
                return $"Alerts now come {digest}.";
            case "digest-default":
                await choices.ClearDigestAsync(id, cancellationToken);
                return "Back to the default cadence.";
            case "rule-off" when rule is not null:
                await choices.RuleOffAsync(id, rule, cancellationToken);
                return $"Rule {rule} is off.";
            case "rule-on" when rule is not null:
                await choices.RuleOnAsync(id, rule, cancellationToken);
                return $"Rule {rule} is on.";
            case "mute-word" when rule is not null && word.Length is > 0 and <= 100:
                await choices.MuteAsync(id, rule, MuteKind.Word, word, cancellationToken);
                return $"Items with “{word}” no longer alert for rule {rule}.";
            case "unmute-word" when rule is not null && word.Length > 0:
                return await choices.UnmuteAsync(id, rule, MuteKind.Word, word, cancellationToken)
                    ? $"“{word}” unmuted." : $"“{word}” was not muted for rule {rule}.";
            case "unmute-story" when form["value"].ToString() is { Length: > 0 } value:
                var kind = form["kind"].ToString() == SubscriberChoiceNames.Name(MuteKind.Story) ? MuteKind.Story : MuteKind.Link;
                return await choices.UnmuteAsync(id, null, kind, value, cancellationToken) ? "Story unmuted." : "That story was not muted.";
            case "resubscribe":
                // The rule as posted, configured or not: an unsubscription can outlive its rule, and lifting it must not
                // lift the one from every rule instead.
                var from = form["rule"].ToString() is { Length: > 0 } given ? given : null;
                await choices.ResubscribeAsync(id, grant.Address, from, cancellationToken);
                return from is null ? "Resubscribed." : $"Resubscribed to rule {from}.";
            default:
                return "Nothing changed: that form was incomplete.";
        }
    }

    public AlertView Alert(LinkGrant grant, string? notice)
    {
        var rule = grant.RuleId is { } ruleId ? config.Current.RulesById.GetValueOrDefault(ruleId) : null;
        return new AlertView(grant.RuleId ?? "", rule?.Query ?? "(no longer configured)", grant.ItemLink, notice,
            links.Preferences(grant.SubscriberId, grant.Address), links.Unsubscribe(grant.SubscriberId, grant.Address, grant.RuleId));
    }

    public async Task<string> AnswerAlertAsync(LinkGrant grant, string action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "not-relevant" when grant is { AlertId: { } alertId, RuleId: { } ruleId }:
                await choices.MarkNotRelevantAsync(grant.SubscriberId, alertId, ruleId, cancellationToken);
                return "Thank you: the people who run this service see which alerts miss.";
            case "mute-story" when grant.AlertId is { } alertId
                && await choices.StoryOfAlertAsync(grant.SubscriberId, alertId, cancellationToken) is { } story:
                await choices.MuteAsync(grant.SubscriberId, null, MuteKind.Story, MutedStory.Value(story, grant.ItemLink ?? alertId), cancellationToken);
                return "This story will not alert you again, from any feed.";
            case "mute-story" when grant.ItemLink is { } link:
                await choices.MuteAsync(grant.SubscriberId, null, MuteKind.Link, link, cancellationToken);
                return "This story will not alert you again.";
            case "pause-week":
                var until = time.GetUtcNow().AddDays(7);
                await choices.PauseAsync(grant.SubscriberId, until, cancellationToken);
                return $"Paused until {until:d MMMM yyyy}.";
            default:
                return "Nothing changed.";
        }
    }

    /// <summary>The address a link is for, masked (<c>a•••@example.org</c>), or "your webhook".</summary>
    private static string Who(LinkGrant grant)
    {
        if (grant.Address is not { } address) return "your alerts";
        var at = address.LastIndexOf('@');
        return at <= 0 ? "your address" : $"{address[0]}•••{address[at..]}";
    }
}
