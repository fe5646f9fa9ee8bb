using System.Text.Json;
using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>The JSON form of an <see cref="Alert"/> kept in the outbox, so a queued alert survives restarts and config edits.</summary>
internal static class AlertPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Alert alert) => JsonSerializer.Serialize(alert, Options);

    /// <summary>
    /// The <c>rule_ids</c> column: the alert's rule ids as a JSON array (an alert may be for several rules), so the
    /// console filters by rule without reading payloads.
    /// </summary>
    public static string RuleIds(Alert alert) =>
        JsonSerializer.Serialize(alert.Rules.Select(r => r.RuleId).Distinct(StringComparer.Ordinal));

    public static Alert Deserialize(string json) =>
        JsonSerializer.Deserialize<Alert>(json, Options) ?? throw new JsonException("outbox payload is null");
}
