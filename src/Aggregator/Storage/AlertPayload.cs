using System.Text.Json;
using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>The JSON form of an <see cref="Alert"/> kept in the outbox, so a queued alert survives restarts and config edits.</summary>
internal static class AlertPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Alert alert) => JsonSerializer.Serialize(alert, Options);

    public static Alert Deserialize(string json) =>
        JsonSerializer.Deserialize<Alert>(json, Options) ?? throw new JsonException("outbox payload is null");
}
