using System.Net;

namespace Aggregator.Configuration;

internal sealed record NetworkOptions
{
    /// <summary>Loopback, RFC 1918, link-local, CGNAT, ULA... are refused unless this is true.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Networks let through even when private networks are refused, e.g. <c>127.0.0.1/32</c>.</summary>
    public IReadOnlyList<IPNetwork> AllowedPrivateNetworks { get; init; } = [];

    /// <summary>The same policy: the networks are compared in order, not the list by reference.</summary>
    public bool Equals(NetworkOptions? other) =>
        other is not null && AllowPrivateNetworks == other.AllowPrivateNetworks
        && AllowedPrivateNetworks.SequenceEqual(other.AllowedPrivateNetworks);

    public override int GetHashCode() => HashCode.Combine(AllowPrivateNetworks, AllowedPrivateNetworks.Count);
}
