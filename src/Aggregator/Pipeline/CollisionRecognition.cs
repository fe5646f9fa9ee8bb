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
    /// The keys to look up for a parse: every item's key, and for an item alone under its base key also the
    /// key it had while that base key collided (<see cref="ItemIdentity.CollidingKey(FeedItem)"/>), so one
    /// query answers both.
    /// </summary>
    public static IReadOnlyCollection<string> KeysToLookUp(IReadOnlyList<FeedItem> items)
    {
        var keys = new List<string>(items.Count * 2);
        foreach (var item in items)
        {
            keys.Add(item.Key);
            if (IsPlain(item)) keys.Add(ItemIdentity.CollidingKey(item));
        }
        return keys;
    }

    /// <summary>
    /// The keys of <paramref name="unseen"/> items recorded before under another key: a plain base key whose
    /// colliding key is in <paramref name="seen"/> (the answer to <see cref="KeysToLookUp"/>), or a suffixed
    /// key whose base key is recorded with the item's own fingerprint. A base key recorded without one (from
    /// before fingerprints were kept) recognises nothing: alerting again is a possible repeat, guessing would
    /// be a possible miss.
    /// </summary>
    public static async Task<IReadOnlySet<string>> SeenUnderAnotherKeyAsync(
        IPollStore store, string feedId, IReadOnlyList<FeedItem> unseen, IReadOnlySet<string> seen, CancellationToken cancellationToken)
    {
        var recognised = new HashSet<string>(StringComparer.Ordinal);
        var suffixed = new List<(FeedItem Item, string BaseKey)>();
        foreach (var item in unseen)
        {
            if (IsPlain(item))
            {
                if (seen.Contains(ItemIdentity.CollidingKey(item))) recognised.Add(item.Key);
            }
            else
            {
                suffixed.Add((item, ItemIdentity.BaseKey(item)));
            }
        }
        if (suffixed.Count == 0) return recognised;

        var baseKeys = suffixed.Select(c => c.BaseKey).Distinct(StringComparer.Ordinal).ToList();
        var stored = await store.FindSeenFingerprintsAsync(feedId, baseKeys, cancellationToken);
        foreach (var (item, baseKey) in suffixed)
        {
            if (stored.TryGetValue(baseKey, out var fingerprint) && fingerprint is not null
                && string.Equals(fingerprint, ItemIdentity.Fingerprint(item), StringComparison.Ordinal))
                recognised.Add(item.Key);
        }
        return recognised;
    }

    private static bool IsPlain(FeedItem item) => string.Equals(ItemIdentity.BaseKey(item), item.Key, StringComparison.Ordinal);
}
