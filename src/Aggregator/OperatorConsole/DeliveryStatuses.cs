using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>The words the console and its <c>/api/</c> use for where a message stands.</summary>
internal static class DeliveryStatuses
{
    private static readonly Dictionary<string, DeliveryStatus> ByName = new(StringComparer.Ordinal)
    {
        ["queued"] = DeliveryStatus.Queued,
        ["retrying"] = DeliveryStatus.Retrying,
        ["sent"] = DeliveryStatus.Sent,
        ["dead"] = DeliveryStatus.Dead,
        ["suppressed"] = DeliveryStatus.Suppressed,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(DeliveryStatus status) => ByName.First(p => p.Value == status).Key;

    public static DeliveryStatus? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var status) ? status : null;
}
