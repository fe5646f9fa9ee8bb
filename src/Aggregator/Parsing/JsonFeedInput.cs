using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aggregator.Parsing;

/// <summary>
/// Checks a JSON body is a JSON Feed and prepares it for CodeHollow, which silently drops items without
/// an <c>id</c> (required by the spec, often missing in practice): such items get a placeholder id that
/// the mapper turns back into "no id", so they are keyed by link or content like RSS items without a guid.
/// </summary>
internal static class JsonFeedInput
{
    public const string MissingIdPrefix = "urn:x-aggregator:missing-id:";
    private const int MaxDepth = 64;

    /// <exception cref="FeedFormatException">Not valid JSON, or not a JSON Feed.</exception>
    public static string Prepare(string text, ParseNotes notes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException(
                $"not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}", ex);
        }
        if (root is not JsonObject feed
            || feed["version"] is not JsonValue version
            || !version.TryGetValue<string>(out var v)
            || !v.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
        {
            throw new FeedFormatException("not a feed: a JSON document without a JSON Feed \"version\"");
        }
        if (feed["items"] is not JsonArray items) return text;

        var changed = false;
        if (items.Count > DocumentLimits.MaxItems)
        {
            notes.SkippedItems += items.Count - DocumentLimits.MaxItems;
            while (items.Count > DocumentLimits.MaxItems) items.RemoveAt(items.Count - 1);
            changed = true;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item || HasId(item)) continue;
            item["id"] = MissingIdPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            changed = true;
        }
        return changed ? feed.ToJsonString() : text;
    }

    private static bool HasId(JsonObject item) => item["id"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => !string.IsNullOrWhiteSpace(s),
        JsonValue value => value.GetValueKind() == JsonValueKind.Number,
        _ => false,
    };

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var path = line.IndexOf(" Path:", StringComparison.Ordinal);
        return (path > 0 ? line[..path] : line).Trim();
    }
}
