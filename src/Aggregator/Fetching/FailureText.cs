using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Aggregator.Core.Rendering;
using Aggregator.Network;

namespace Aggregator.Fetching;

/// <summary>Turns what went wrong on the wire into one line an operator can act on.</summary>
internal static class FailureText
{
    public static string Describe(Exception exception, Uri location)
    {
        var host = location.IdnHost;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressRefusedException or BodyTooLargeException:
                    return Quote(e.Message);
                case AuthenticationException:
                    return $"TLS handshake with {host} failed: {Quote(e.Message)}";
                case SocketException socket:
                    return Describe(socket, location);
                case InvalidDataException:
                    return $"{host} sent a body that does not decompress: {Quote(e.Message)}";
                default:
                    break;
            }
        }
        // Failures while reading the body come as HttpIOException, before it as HttpRequestException.
        var error = exception switch
        {
            HttpRequestException http => http.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        };
        var known = error switch
        {
            HttpRequestError.NameResolutionError => $"DNS lookup failed for {host}",
            HttpRequestError.ResponseEnded => $"{host} closed the connection before the response was complete",
            HttpRequestError.InvalidResponse => $"{host} sent an invalid HTTP response",
            HttpRequestError.ConfigurationLimitExceeded => $"{host} sent response headers over the size limit",
            _ => null,
        };
        if (known is not null) return known;
        var innermost = exception;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return $"request to {host} failed: {Quote(innermost.Message)}";
    }

    /// <summary>A message from elsewhere (an exception, a server's header) as one escaped line of at most 300 characters.</summary>
    public static string Quote(string? text) => OneLine.Escape(text?.Trim(), 300);

    private static string Describe(SocketException socket, Uri location) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"DNS lookup failed for {location.IdnHost}",
        SocketError.ConnectionRefused => $"connection refused by {location.IdnHost}:{location.Port}",
        SocketError.ConnectionReset => $"connection reset by {location.IdnHost}",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{location.IdnHost} is unreachable",
        SocketError.TimedOut => $"connecting to {location.IdnHost}:{location.Port} timed out",
        _ => $"network error talking to {location.IdnHost}: {Quote(socket.Message)}",
    };
}
