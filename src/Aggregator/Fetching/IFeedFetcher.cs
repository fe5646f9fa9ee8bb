namespace Aggregator.Fetching;

/// <summary>
/// Fetches a feed's bytes: http(s) through the hardened client (conditional GET, one deadline, size cap,
/// redirects by hand, SSRF guard at connect), or a local file for <c>file:</c> locations.
/// Never throws for a failure of the remote side: the outcome says what happened.
/// </summary>
internal interface IFeedFetcher
{
    Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
