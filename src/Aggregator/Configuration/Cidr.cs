using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aggregator.Configuration;

/// <summary>Parses a network written as <c>address/prefix</c> (a bare address means one host).</summary>
internal static class Cidr
{
    /// <summary>
    /// The network, or a one-line error. A typo such as <c>10.0.0.1/8</c> is refused, never widened.
    /// </summary>
    public static bool TryParse(string text, out IPNetwork network, out string error)
    {
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            error = $"invalid network {Excerpt.Quote(text)}: {Excerpt.Quote(addressText)} is not an IP address";
            return false;
        }
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            error = $"invalid network {Excerpt.Quote(text)}: the prefix length must be a number from 0 to {maxPrefix}";
            return false;
        }
        var masked = new IPNetwork(Masked(address, prefix), prefix);
        if (!masked.BaseAddress.Equals(address))
        {
            error = $"invalid network {Excerpt.Quote(text)}: address bits are set beyond the prefix; did you mean '{masked}'?";
            return false;
        }
        network = masked;
        error = string.Empty;
        return true;
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }
}
