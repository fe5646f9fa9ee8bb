namespace Aggregator.Storage;

/// <summary>
/// What one poll writes, atomically: the items it found new (none for a 304, an unchanged body or a failure), the
/// feed's state, and the poll's <see cref="PollLogEntry"/> (the poller always gives one).
/// </summary>
internal sealed record PollCommit(FeedState State, IReadOnlyList<SeenItem> Items, PollLogEntry? Log = null);

/// <summary>
/// A newly seen item and the messages it queues (none when it matched nothing, is a baseline, or was seen
/// before under another key), with its <see cref="Aggregator.Core.Items.ItemIdentity.Fingerprint"/>.
/// </summary>
internal sealed record SeenItem(string Key, IReadOnlyList<OutboxDraft> Messages, string? Fingerprint = null)
{
    /// <summary>The rules the item matched (that notify someone), each once.</summary>
    public IEnumerable<string> RuleIds => Messages.SelectMany(m => m.Alert.Rules).Select(r => r.RuleId).Distinct(StringComparer.Ordinal);
}
