using Aggregator.Core.Items;
using Aggregator.Core.Stories;

namespace Aggregator.Storage;

/// <summary>
/// What one poll writes, atomically: the items it found new (none for a 304, an unchanged body or a failure), the
/// feed's state, the poll's <see cref="PollLogEntry"/> (the poller gives one for every poll it makes), what goes to the item
/// archive, and, for a feed claimed from the shared schedule, its next due time under the claim's <see cref="ScheduleLease"/>.
/// </summary>
internal sealed record PollCommit(
    FeedState State, IReadOnlyList<SeenItem> Items, PollLogEntry? Log = null, PollArchive? Archive = null, ScheduleLease? Lease = null);

/// <summary>
/// A newly seen item and the messages it queues (none when it matched nothing, is a baseline, or was seen
/// before under another key), with its <see cref="Aggregator.Core.Items.ItemIdentity.Fingerprint"/>, and its story's print
/// when a message of it is grouped by story.
/// </summary>
internal sealed record SeenItem(string Key, IReadOnlyList<OutboxDraft> Messages, string? Fingerprint = null, StoryPrint? Story = null)
{
    /// <summary>The rules the item matched (that notify someone), each once.</summary>
    public IEnumerable<string> RuleIds => Messages.SelectMany(m => m.Alert.Rules).Select(r => r.RuleId).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The poll's part of the item archive: its new items, each archived only by the commit that records its key first (as its
/// alerts are queued), and the feed's archive pruned to <paramref name="Keep"/> and <see cref="KeptPerFeed"/> items.
/// A zero <paramref name="Keep"/> (archive off) archives nothing and empties the feed's archive.
/// </summary>
internal sealed record PollArchive(TimeSpan Keep, IReadOnlyList<ArchivedItem> Items)
{
    public const int KeptPerFeed = 300;
}
