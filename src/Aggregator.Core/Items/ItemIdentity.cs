using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Core.Items;

/// <summary>
/// Computes the stable <see cref="FeedItem.Key"/> that dedupe relies on: the same item gets the same key
/// on every poll, and two different items of one feed never share a key.
/// </summary>
/// <remarks>
/// The base key is the item's id (RSS guid, Atom id, JSON Feed id) when present, else its link, else
/// <c>sha256:</c> + the hex SHA-256 of title and content. Publishers do reuse GUIDs; when base keys collide
/// inside one feed, every colliding item gets <c>#</c> + its <see cref="Fingerprint"/> (a short hash of its
/// title, link, summary and content; and, if two items are identical in all of those, <c>#2</c>, <c>#3</c>...
/// in document order). Every member of a colliding group is suffixed, not all but one, because no rule for
/// picking the "original" survives a reordered feed.
/// <para>
/// The item that was alone under the base key before the collision appeared is recognised by content, not
/// by position: the poller stores every seen key with its item's <see cref="Fingerprint"/>, and a suffixed
/// key not seen yet whose base key was seen with the same fingerprint belongs to the item seen before; it is
/// recorded as seen without an alert, and only the other members are new (copies identical to that item
/// count as it). A base key stored before fingerprints were kept has none: then every member is alerted, a
/// possible repeat for the earlier item, never a missed one. The other way round, an item recorded under its
/// suffixed key (its group was new as a whole) that is alone under its base key again is recognised by its
/// <see cref="CollidingKey"/>, the key it had in the group.
/// </para>
/// </remarks>
public static class ItemIdentity
{
    private const int ShortHashChars = 12;

    /// <summary>The key an item would have if no other item in its feed collided with it.</summary>
    public static string BaseKey(string? id, string? link, string? title, string? content)
    {
        if (!string.IsNullOrWhiteSpace(id)) return id.Trim();
        if (!string.IsNullOrWhiteSpace(link)) return link.Trim();
        return "sha256:" + Sha256Hex(title, content);
    }

    /// <summary>The base key of a parsed item: what <see cref="AssignKeys"/> starts from.</summary>
    public static string BaseKey(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return BaseKey(item.Id, item.Link, item.Title, item.Content.Length > 0 ? item.Content : item.Summary);
    }

    /// <summary>
    /// The first 12 hex characters of the SHA-256 of the item's title, link, summary and content: the
    /// suffix its key gets when its base key collides, and what a seen key remembers of its item.
    /// </summary>
    public static string Fingerprint(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Sha256Hex(item.Title, item.Link, item.Summary, item.Content)[..ShortHashChars];
    }

    /// <summary>The key <paramref name="item"/> gets while its base key collides (before any <c>#2</c> for identical copies).</summary>
    public static string CollidingKey(FeedItem item) => CollidingKey(BaseKey(item), item);

    private static string CollidingKey(string baseKey, FeedItem item) => baseKey + "#" + Fingerprint(item);

    /// <summary>
    /// Returns the items with <see cref="FeedItem.Key"/> set: the base key, disambiguated where keys
    /// collide. Deterministic: the same items in the same order always get the same keys.
    /// </summary>
    public static IReadOnlyList<FeedItem> AssignKeys(IReadOnlyList<FeedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var baseKeys = new string[items.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            baseKeys[i] = BaseKey(items[i]);
            counts[baseKeys[i]] = counts.GetValueOrDefault(baseKeys[i]) + 1;
        }

        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new FeedItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = baseKeys[i];
            if (counts[key] > 1)
            {
                key = CollidingKey(key, item);
                var seen = used.GetValueOrDefault(key) + 1;
                used[key] = seen;
                if (seen > 1) key = key + "#" + seen.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            result[i] = item with { Key = key };
        }
        return result;
    }

    private static string Sha256Hex(params string?[] parts)
    {
        // A separator that cannot occur in text keeps ("ab", "c") and ("a", "bc") apart.
        var joined = string.Join('\u0000', parts.Select(p => p ?? string.Empty));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }
}
