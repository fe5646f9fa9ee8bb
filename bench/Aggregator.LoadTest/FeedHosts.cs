using System.Globalization;
using System.Net;

namespace Aggregator.LoadTest;

/// <summary>
/// Where feed <c>f</c> lives: with one host, 127.0.0.1; with N hosts, host <c>f % N</c> at its own loopback
/// address 127.1.x.y, so the worker's per-host limit and connection pools apply per host as with real publishers.
/// Addresses rather than <c>h{n}.localhost</c> names: .NET 10 on Linux sends <c>*.localhost</c> to the system
/// resolver, which does not know them, and all of 127.0.0.0/8 reaches the loopback interface without setup.
/// </summary>
internal sealed class FeedHosts(int hosts)
{
    /// <summary>x.y with y in 1..250 keeps clear of .0 and .255.</summary>
    public const int Max = 250 * 256;

    public int Count => hosts;

    public IPAddress AddressOf(int feed) => hosts == 1 ? IPAddress.Loopback : HostAddress(feed % hosts);

    public IEnumerable<IPAddress> All() => hosts == 1 ? [IPAddress.Loopback] : Enumerable.Range(0, hosts).Select(HostAddress);

    public Uri FeedUrl(int feed, int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{AddressOf(feed)}:{port}/f/{feed}.xml"));

    private static IPAddress HostAddress(int host) => new([127, 1, (byte)(host / 250), (byte)(host % 250 + 1)]);
}
