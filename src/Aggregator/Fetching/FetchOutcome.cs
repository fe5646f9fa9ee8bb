namespace Aggregator.Fetching;

/// <summary>The result of one fetch.</summary>
/// <param name="HttpStatus">The final response's status code; null for files and for failures before a response.</param>
/// <param name="Body">The decompressed body when <see cref="Status"/> is <see cref="FetchStatus.Ok"/>.</param>
/// <param name="Charset">The charset of the Content-Type header, used when the document declares none.</param>
/// <param name="PermanentRedirect">Where a 301/308 chain ended, for the operator to update the config.</param>
/// <param name="Error">A one-line, operator-readable reason when the fetch failed.</param>
internal sealed record FetchOutcome(
    FetchStatus Status,
    int? HttpStatus = null,
    byte[]? Body = null,
    string? ContentType = null,
    string? Charset = null,
    string? ETag = null,
    string? LastModified = null,
    Uri? FinalLocation = null,
    Uri? PermanentRedirect = null,
    TimeSpan? RetryAfter = null,
    string? Error = null);
