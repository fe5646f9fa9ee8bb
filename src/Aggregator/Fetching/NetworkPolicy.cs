using System.Diagnostics.CodeAnalysis;
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
        // One parser for the config check and the guard: a typo such as 10.0.0.1/8 is refused, never widened.
        if (!Cidr.TryNormalize(text?.Trim() ?? string.Empty, out var normalized, out var problem))
        {
            error = "network.allowedPrivateNetworks: " + problem;
            return false;
        }
        network = IPNetwork.Parse(normalized);
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
}
