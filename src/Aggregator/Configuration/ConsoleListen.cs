using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Aggregator.Configuration;

/// <summary><c>settings.console.listen</c>: an IP address (IPv6 in brackets) or <c>localhost</c>, a colon and a port (0: any free port, logged at start).</summary>
internal static class ConsoleListen
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            return false;
        var host = text[..colon];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, port);
            return true;
        }
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        else if (host.Contains(':')) return false;
        if (!IPAddress.TryParse(host, out var address)) return false;
        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
