using System.Text.Json;

namespace Aggregator.Storage;

/// <summary>The <c>pending_recipients</c> column: a JSON array of addresses, or null for all of the subscriber's.</summary>
internal static class OutboxRecipients
{
    public static string Serialize(IReadOnlyList<string> recipients) => JsonSerializer.Serialize(recipients);

    public static IReadOnlyList<string>? Parse(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<string[]>(json) ?? throw new JsonException("pending recipients are null");

    /// <summary>Addresses aggregated over rows as one JSON array (null when no row had any), in order.</summary>
    public static IReadOnlyList<string> Addresses(string? json) =>
        Parse(json) is { } addresses ? [.. addresses.Order(StringComparer.OrdinalIgnoreCase)] : [];
}
