using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Core.Alerts;

/// <summary>Deterministic alert ids: the same (subscriber, feed, item) always yields the same id.</summary>
public static class AlertIds
{
    public static string For(string subscriberId, string feedId, string itemKey)
    {
        var bytes = Encoding.UTF8.GetBytes($"{subscriberId}\n{feedId}\n{itemKey}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
