using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Delivery;

/// <summary>A digest's id comes from the alerts it holds, so resending the same digest carries the same id.</summary>
internal static class DigestIds
{
    public static string For(IEnumerable<string> alertIds)
    {
        var joined = string.Join('\n', alertIds.Order(StringComparer.Ordinal));
        return "digest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)).AsSpan(0, 16));
    }
}
