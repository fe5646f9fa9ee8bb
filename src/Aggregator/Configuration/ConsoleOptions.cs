using System.Net;

namespace Aggregator.Configuration;

/// <summary>
/// <c>settings.console</c>: the operator console <c>run</c> serves. Its listener and sign-in take effect at
/// start, as <c>storage</c> does; a reload that changes them says so and keeps the running ones.
/// </summary>
internal sealed record ConsoleOptions
{
    /// <summary><c>address:port</c> to listen on; empty means no console.</summary>
    public string Listen { get; init; } = string.Empty;

    public ConsoleAuthOptions Auth { get; init; } = new();

    public ConfigWrites ConfigWrites { get; init; } = ConfigWrites.Patch;

    public ArchiveOptions Archive { get; init; } = new();
}

internal sealed record ConsoleAuthOptions
{
    public ConsoleAuthMode Mode { get; init; } = ConsoleAuthMode.Token;

    /// <summary>The sign-in passphrase; empty means a random one-time token is made at start and a sign-in link logged.</summary>
    public string Token { get; init; } = string.Empty;

    public OidcOptions Oidc { get; init; } = new();

    public ProxyAuthOptions Proxy { get; init; } = new();
}

internal sealed record OidcOptions
{
    public string Authority { get; init; } = string.Empty;

    public string ClientId { get; init; } = string.Empty;

    public string ClientSecret { get; init; } = string.Empty;

    /// <summary><c>email:a@b.org</c> or <c>group:ops</c>: who may sign in.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    public bool Equals(OidcOptions? other) =>
        other is not null && Authority == other.Authority && ClientId == other.ClientId
        && ClientSecret == other.ClientSecret && Allow.SequenceEqual(other.Allow);

    public override int GetHashCode() => HashCode.Combine(Authority, ClientId, Allow.Count);
}

internal sealed record ProxyAuthOptions
{
    /// <summary>The header a trusted reverse proxy sets to the signed-in user.</summary>
    public string Header { get; init; } = "X-Auth-Request-Email";

    /// <summary>Only requests from these networks may carry the header.</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks { get; init; } = [];

    public bool Equals(ProxyAuthOptions? other) =>
        other is not null && Header == other.Header && TrustedNetworks.SequenceEqual(other.TrustedNetworks);

    public override int GetHashCode() => HashCode.Combine(Header, TrustedNetworks.Count);
}

internal sealed record ArchiveOptions
{
    /// <summary>How long items the worker read are kept for backtests; zero means no archive.</summary>
    public TimeSpan Keep { get; init; } = TimeSpan.FromDays(7);
}

internal enum ConsoleAuthMode
{
    Token,
    Oidc,
    Proxy,
    None,
}

internal enum ConfigWrites
{
    Patch,
    Direct,
}
