using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Aggregator.Configuration;

namespace Aggregator.Fetching;

/// <summary>
/// Which addresses outgoing requests (feeds and webhooks) may connect to: public addresses always,
/// non-public ones (<see cref="SpecialAddresses"/>) only when <c>network.allowPrivateNetworks</c> is true
/// or the address lies in one of <c>network.allowedPrivateNetworks</c>.
/// </summary>
internal sealed class NetworkPolicy
{
    private readonly bool allowAll;
    private readonly IPNetwork[] allowed;

    /// <exception cref="ArgumentException">A CIDR in <see cref="NetworkOptions.AllowedPrivateNetworks"/> is invalid; see <see cref="Validate"/>.</exception>
    public NetworkPolicy(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        allowAll = options.AllowPrivateNetworks;
        allowed = [.. options.AllowedPrivateNetworks.Select(text => TryParseNetwork(text, out var n, out _) ? n : default)];
    }

    /// <summary>Every problem with the options, one line each (empty when valid), for the config validator.</summary>
    public static IReadOnlyList<string> Validate(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var text in options.AllowedPrivateNetworks)
        {
            if (!TryParseNetwork(text, out _, out var error)) errors.Add(error);
        }
        return errors;
    }

    /// <summary>
    /// Parses a CIDR such as <c>10.0.0.0/8</c> or <c>fd00::/8</c>; a bare address means that one host.
    /// </summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network, [NotNullWhen(false)] out string? error)
    {
        network = default;
        var s = text?.Trim() ?? "";
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? s : s[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            error = $"network.allowedPrivateNetworks: '{text}' is not a CIDR (expected e.g. 10.0.0.0/8 or fd00::/8)";
            return false;
        }
        var maxPrefix = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && !(int.TryParse(s.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= maxPrefix))
        {
            error = $"network.allowedPrivateNetworks: '{text}' has an invalid prefix length (0 to {maxPrefix})";
            return false;
        }
        // A typo such as 10.0.0.1/8 is refused rather than silently widened or narrowed.
        var baseAddress = MaskOf(address, prefix);
        if (!baseAddress.Equals(address))
        {
            error = $"network.allowedPrivateNetworks: '{text}' has host bits set (did you mean {baseAddress}/{prefix}?)";
            return false;
        }
        network = new IPNetwork(baseAddress, prefix);
        error = null;
        return true;
    }

    public bool IsAllowed(IPAddress address) => IsAllowed(address, out _);

    /// <param name="refusal">Why not, in one line naming the setting that would allow it.</param>
    public bool IsAllowed(IPAddress address, [NotNullWhen(false)] out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(address);
        refusal = null;
        if (allowAll) return true;
        var kind = SpecialAddresses.Classify(address);
        if (kind is null) return true;
        var unwrapped = SpecialAddresses.Unwrap(address);
        foreach (var network in allowed)
        {
            if (network.Contains(address) || network.Contains(unwrapped)) return true;
        }
        refusal = $"refused: {address} is {kind} (set network.allowedPrivateNetworks to allow it)";
        return false;
    }

    private static IPAddress MaskOf(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
