using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;

namespace Aggregator.Network;

/// <summary>
/// Builds the <see cref="SocketsHttpHandler"/> every outgoing request (feeds, webhooks) goes through.
/// The address check runs at connect time on the address actually connected, so neither a redirect nor
/// a DNS answer that changes between check and use (rebinding) can reach a refused network.
/// </summary>
internal static class GuardedHttpHandler
{
    /// <summary>
    /// A handler with pooled connections, automatic gzip/deflate/brotli, no redirects (callers follow them
    /// and re-check each hop), no cookies and no proxy (through a proxy the guard would only see the proxy).
    /// Share one per purpose; the caller owns it.
    /// </summary>
    /// <param name="connectTimeout">
    /// Bounds DNS, TCP and TLS setup (default 30s). The pool finishes a connection attempt even after
    /// the request that started it was cancelled, so this, not the request's deadline, ends a stalled one.
    /// </param>
    /// <summary>
    /// The one way the product builds an HTTP client (the build bans the others): through the guard, redirects not
    /// followed, and no overall timeout, since callers give each request its own deadline.
    /// </summary>
    public static HttpClient CreateClient(NetworkPolicy policy, TimeSpan? connectTimeout = null)
    {
#pragma warning disable RS0030 // The guarded factory the ban points to.
        return new HttpClient(Create(policy, connectTimeout), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
#pragma warning restore RS0030
    }

    public static SocketsHttpHandler Create(NetworkPolicy policy, TimeSpan? connectTimeout = null)
    {
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(30),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };
    }

    /// <summary>Resolves the host, drops every refused address, and connects to the first allowed one that answers.</summary>
    /// <exception cref="AddressRefusedException">No resolved address is allowed.</exception>
    public static async ValueTask<Stream> ConnectAsync(NetworkPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        string? refusal = null;
        Exception? lastError = null;
        foreach (var address in addresses)
        {
            if (!policy.IsAllowed(address, out var reason))
            {
                refusal ??= reason;
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        if (lastError is not null) ExceptionDispatchInfo.Throw(lastError);
        throw new AddressRefusedException(refusal ?? $"DNS lookup for {host} returned no address");
    }
}
