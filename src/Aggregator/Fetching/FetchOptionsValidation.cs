using Aggregator.Configuration;

namespace Aggregator.Fetching;

/// <summary>
/// What the fetcher needs from <c>polling</c> and <c>network</c>, one line per problem, so the config
/// validator can report them with their position instead of the fetcher failing at first use.
/// </summary>
internal static class FetchOptionsValidation
{
    public static IReadOnlyList<string> Validate(PollingOptions polling, NetworkOptions network)
    {
        ArgumentNullException.ThrowIfNull(polling);
        ArgumentNullException.ThrowIfNull(network);
        var errors = new List<string>();
        if (polling.Timeout <= TimeSpan.Zero || polling.Timeout.TotalMilliseconds > int.MaxValue)
            errors.Add("polling.timeout: must be more than 0 and at most 24d");
        if (polling.MaxBodySize <= 0 || polling.MaxBodySize > Array.MaxLength)
            errors.Add("polling.maxBodySize: must be more than 0 and under 2GiB");
        if (polling.MaxRedirects < 0) errors.Add("polling.maxRedirects: must be 0 or more");
        if (polling.PerHostConcurrency < 1) errors.Add("polling.perHostConcurrency: must be at least 1");
        errors.AddRange(NetworkPolicy.Validate(network));
        return errors;
    }
}
