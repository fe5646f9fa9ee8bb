using Aggregator.Core.Items;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Finds, among items whose keys are not seen yet, those seen before under another key. When a publisher
/// reuses a GUID, the item that had it alone gets a suffixed key in the same poll as the newcomer; when such
/// a group shrinks back to one item, that item returns to its plain base key.
/// </summary>
internal static class CollisionRecognition
{
    /// <summary>
    /// The keys of <paramref name="unseen"/> items recorded before under another key: a suffixed key whose
    /// base key is recorded with the item's own fingerprint (a base key recorded without one, from before
    /// fingerprints were kept, recognises nothing: alerting again is a possible repeat, guessing would be a
    /// possible miss), or a plain base key whose <see cref="ItemIdentity.CollidingKey(FeedItem)"/> is recorded.
    /// </summary>
    public static async Task<IReadOnlySet<string>> SeenUnderAnotherKeyAsync(
        IStateStore store, string feedId, IReadOnlyList<FeedItem> unseen, CancellationToken cancellationToken)
    {
        var recognised = new HashSet<string>(StringComparer.Ordinal);
        if (unseen.Count == 0) return recognised;
        var byBaseKey = unseen.Select(item => (Item: item, BaseKey: ItemIdentity.BaseKey(item))).ToList();

        var suffixed = byBaseKey.Where(c => !string.Equals(c.BaseKey, c.Item.Key, StringComparison.Ordinal)).ToList();
        if (suffixed.Count > 0)
        {
            var baseKeys = suffixed.Select(c => c.BaseKey).Distinct(StringComparer.Ordinal).ToList();
            var stored = await store.FindSeenFingerprintsAsync(feedId, baseKeys, cancellationToken).ConfigureAwait(false);
            foreach (var (item, baseKey) in suffixed)
            {
                if (stored.TryGetValue(baseKey, out var fingerprint) && fingerprint is not null
                    && string.Equals(fingerprint, ItemIdentity.Fingerprint(item), StringComparison.Ordinal))
                    recognised.Add(item.Key);
            }
        }

        var plain = byBaseKey.Where(c => string.Equals(c.BaseKey, c.Item.Key, StringComparison.Ordinal))
            .Select(c => (c.Item, CollidingKey: ItemIdentity.CollidingKey(c.Item))).ToList();
        if (plain.Count > 0)
        {
            var seen = await store.FindSeenAsync(feedId, [.. plain.Select(p => p.CollidingKey)], cancellationToken).ConfigureAwait(false);
            foreach (var (item, collidingKey) in plain)
                if (seen.Contains(collidingKey)) recognised.Add(item.Key);
        }
        return recognised;
    }
}
