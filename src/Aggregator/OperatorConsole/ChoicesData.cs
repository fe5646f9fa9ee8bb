using Aggregator.ConfigEditing;
using Aggregator.Configuration;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>Subscribers' own choices as operators see them in the console, and lifting them.</summary>
internal sealed class ChoicesData(ActiveConfig config, ISubscriberChoices choices, EditingData editing, ConfigEditor editor, ConsoleChanges changes, TimeProvider time)
{
    public async Task<SubscribersView> SubscribersAsync(string? notice, CancellationToken cancellationToken)
    {
        var chosen = (await choices.ListChoicesAsync(cancellationToken)).ToDictionary(c => c.SubscriberId, StringComparer.Ordinal);
        return new SubscribersView([.. config.Current.Config.Subscribers.Select(s => Row(s, chosen.GetValueOrDefault(s.Id) ?? SubscriberChoices.None(s.Id)))], notice);
    }

    /// <summary>Lifts one kind of choice (null: every kind); the notice says how many.</summary>
    public async Task<string> LiftAsync(string subscriberId, string? kind, CancellationToken cancellationToken)
    {
        if (!config.Current.Subscribers.ContainsKey(subscriberId)) return $"No subscriber {subscriberId}.";
        ChoiceKind? which = null;
        if (!string.IsNullOrEmpty(kind))
        {
            // By name only: a kind that is not one of ours (or a number) must not fall through to "every kind".
            var names = Enum.GetNames<ChoiceKind>();
            if (names.FirstOrDefault(n => n.Equals(kind, StringComparison.OrdinalIgnoreCase)) is not { } name)
                return $"No choice kind '{kind}': lift one of {string.Join(", ", names.Select(n => n.ToLowerInvariant()))}, or every kind.";
            which = Enum.Parse<ChoiceKind>(name);
        }
        var lifted = await choices.LiftChoicesAsync(subscriberId, which, cancellationToken);
        return $"Lifted {lifted} choice{(lifted == 1 ? "" : "s")} of {subscriberId}.";
    }

    /// <summary>
    /// The bake of a subscriber's choices, file by file: previews, or with <paramref name="saveFile"/> that file saved
    /// against <paramref name="baseHash"/> (the version its preview showed). Null for an unknown subscriber.
    /// </summary>
    public async Task<(BakeView View, int Status)?> BakeAsync(
        string subscriberId, string? saveFile, string? baseHash, string operatorName, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        if (!snapshot.Subscribers.ContainsKey(subscriberId)) return null;
        var plan = ChoiceBaking.For(snapshot, await choices.GetChoicesAsync(subscriberId, cancellationToken));
        var status = 200;
        List<BakeFileView> files = [];
        foreach (var byFile in plan.Changes.GroupBy(c => editing.FileOf(c.Section, c.Id) ?? "").Where(g => g.Key.Length > 0))
        {
            var save = byFile.Key == saveFile;
            var current = editor.Files.Read(byFile.Key).Hash;
            var (change, fileStatus, version) = await changes.MakeAsync(
                byFile.Key, save ? baseHash ?? "" : current, ChoiceBaking.Edit(byFile.Key, byFile), save, operatorName, cancellationToken);
            if (save) status = fileStatus;
            files.Add(new BakeFileView(byFile.Key, version.Hash, [.. byFile.Select(c => c.ToString())], change));
        }
        return (new BakeView(subscriberId, files, plan.NotBaked), status);
    }

    private SubscriberChoiceRow Row(SubscriberDefinition s, SubscriberChoices c) => new(
        s.Id, s.Email, s.Webhook is not null, s.Digest.ToString(), c.DigestOverride?.ToString(),
        c.PausedUntil is { } until && until > time.GetUtcNow() ? until : null,
        [.. c.Unsubscriptions.Select(u => $"{u.Address ?? "every address"} from {(u.RuleId is null ? "every rule" : $"rule {u.RuleId}")}")],
        c.RulesOff,
        [.. c.Mutes.Select(m => $"{(m.Kind == MuteKind.Word ? "word" : "story")} {m.Label}{(m.RuleId is null ? "" : $" (rule {m.RuleId})")}")]);
}
