using Microsoft.Extensions.Logging;

namespace Aggregator.Fetching;

/// <summary>The fetcher's log messages; generated, so a disabled level costs nothing per fetch.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetched {Location}: {Status} {HttpStatus} {Error}")]
    public static partial void Fetched(ILogger logger, string location, FetchStatus status, int? httpStatus, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redirect from {From} to {To} leaves HTTPS")]
    public static partial void LeavesHttps(ILogger logger, Uri from, Uri to);
}
