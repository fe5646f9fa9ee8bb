using System.Diagnostics.CodeAnalysis;
using System.Net;
using Aggregator.Configuration;

namespace Aggregator.Network;

/// <summary>
/// Which addresses outgoing requests (feeds and webhooks) may connect to: public addresses always,
/// non-public ones (<see cref="SpecialAddresses"/>) only when <c>network.allowPrivateNetworks</c> is true
/// or the address lies in one of <c>network.allowedPrivateNetworks</c>.
/// </summary>
internal sealed class NetworkPolicy
{
    private readonly bool _allowAll;
    private readonly IPNetwork[] _allowed;

    public NetworkPolicy(NetworkOptions options)
    {
        _allowAll = options.AllowPrivateNetworks;
        _allowed = [.. options.AllowedPrivateNetworks];
    }

    public bool IsAllowed(IPAddress address) => IsAllowed(address, out _);

    /// <param name="refusal">Why not, in one line naming the setting that would allow it.</param>
    public bool IsAllowed(IPAddress address, [NotNullWhen(false)] out string? refusal)
    {
        refusal = null;
        if (_allowAll) return true;
        var kind = SpecialAddresses.Classify(address);
        if (kind is null) return true;
        var unwrapped = SpecialAddresses.Unwrap(address);
        foreach (var network in _allowed)
        {
            if (network.Contains(address) || network.Contains(unwrapped)) return true;
        }
        refusal = $"refused: {address} is {kind} (set network.allowedPrivateNetworks to allow it)";
        return false;
    }
}
