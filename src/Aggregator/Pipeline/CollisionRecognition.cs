using Aggregator.Core.Items;
using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>
/// Finds, among items whose keys are not seen yet, those seen before under their plain base key: when a
/// publisher reuses a GUID, the item that had it alone gets a suffixed key in the same poll as the newcomer.
/// </summary>
internal static class CollisionRecognition
{
    /// <summary>
    /// The keys of <paramref name="unseen"/> items that are suffixed (their base key collides in this parse)
    /// and whose base key is recorded with the item's own fingerprint. A base key recorded without a
    /// fingerprint (before fingerprints were kept) recognises nothing: alerting again is a possible repeat,
    /// guessing would be a possible miss.
    /// </summary>
    public static async Task<IReadOnlySet<string>> SeenUnderBaseKeyAsync(
        IStateStore store, string feedId, IEnumerable<FeedItem> unseen, CancellationToken cancellationToken)
    {
        var suffixed = unseen
            .Select(item => (Item: item, BaseKey: ItemIdentity.BaseKey(item)))
            .Where(c => !string.Equals(c.BaseKey, c.Item.Key, StringComparison.Ordinal))
            .ToList();
        var recognised = new HashSet<string>(StringComparer.Ordinal);
        if (suffixed.Count == 0) return recognised;

        var baseKeys = suffixed.Select(c => c.BaseKey).Distinct(StringComparer.Ordinal).ToList();
        var stored = await store.FindSeenFingerprintsAsync(feedId, baseKeys, cancellationToken).ConfigureAwait(false);
        foreach (var (item, baseKey) in suffixed)
        {
            if (stored.TryGetValue(baseKey, out var fingerprint) && fingerprint is not null
                && string.Equals(fingerprint, ItemIdentity.Fingerprint(item), StringComparison.Ordinal))
                recognised.Add(item.Key);
        }
        return recognised;
    }
}
