using System.Net;
using System.Net.Sockets;

namespace Aggregator.Tests.Delivery;

internal static class FreePort
{
    /// <summary>A loopback port free a moment ago (for servers that cannot report the port they bound).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
