using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Aggregator.Fetching;

/// <summary>Turns what went wrong on the wire into one line an operator can act on.</summary>
internal static class FailureText
{
    public static string Describe(Exception exception, Uri location)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(location);
        var host = location.IdnHost;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AddressRefusedException or BodyTooLargeException:
                    return OneLine(e.Message);
                case AuthenticationException:
                    return $"TLS handshake with {host} failed: {OneLine(e.Message)}";
                case SocketException socket:
                    return Describe(socket, location);
                case InvalidDataException:
                    return $"{host} sent a body that does not decompress: {OneLine(e.Message)}";
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
        return $"request to {host} failed: {OneLine(innermost.Message)}";
    }

    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 300), "...");
    }

    private static string Describe(SocketException socket, Uri location) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"DNS lookup failed for {location.IdnHost}",
        SocketError.ConnectionRefused => $"connection refused by {location.IdnHost}:{location.Port}",
        SocketError.ConnectionReset => $"connection reset by {location.IdnHost}",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{location.IdnHost} is unreachable",
        SocketError.TimedOut => $"connecting to {location.IdnHost}:{location.Port} timed out",
        _ => $"network error talking to {location.IdnHost}: {OneLine(socket.Message)}",
    };
}
