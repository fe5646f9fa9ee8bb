namespace Aggregator.Configuration;

internal sealed record NetworkOptions
{
    /// <summary>Loopback, RFC 1918, link-local, CGNAT, ULA... are refused unless this is true.</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>CIDRs let through even when private networks are refused, e.g. <c>127.0.0.1/32</c>.</summary>
    public IReadOnlyList<string> AllowedPrivateNetworks { get; init; } = [];

    /// <summary>The same policy (the record's own equality compares the list by reference).</summary>
    public bool SamePolicyAs(NetworkOptions other) =>
        other is not null && AllowPrivateNetworks == other.AllowPrivateNetworks
        && AllowedPrivateNetworks.SequenceEqual(other.AllowedPrivateNetworks, StringComparer.Ordinal);
}
