using Aggregator.Network;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Core.Items;
using Aggregator.Fetching;
using Aggregator.Parsing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aggregator.Commands;

/// <summary>
/// Reads the inputs of <c>parse</c> and <c>test-rule</c>: URLs through the same hardened fetcher and
/// network policy as <c>run</c>, paths from disk with the same size cap, then the same parser.
/// </summary>
internal sealed class FeedInputs : IDisposable
{
    private readonly FeedFetcher _fetcher;

    public FeedInputs(AggregatorConfig config) =>
        _fetcher = new FeedFetcher(config.Settings.Polling, config.Settings.Network, TimeProvider.System, NullLogger<FeedFetcher>.Instance);

    /// <summary>The settings of the config directory when it is valid, the defaults otherwise.</summary>
    public static AggregatorConfig ConfigOrDefaults(string directory)
    {
        var loaded = new ConfigLoader().Load(directory);
        return loaded.Config ?? new AggregatorConfig { Directory = Path.GetFullPath(directory) };
    }

    /// <returns>The feed, or null with a one-line reason.</returns>
    public async Task<(ParsedFeed? Feed, string? Error)> ReadAsync(string input, CancellationToken cancellationToken)
    {
        var location = ToLocation(input);
        if (location is null) return (null, "not an http(s) URL or a readable file path");
        var outcome = await _fetcher.FetchAsync(new FetchRequest(location), cancellationToken);
        if (outcome.Status != FetchStatus.Ok) return (null, outcome.Error ?? $"fetch failed ({outcome.Status})");
        try
        {
            return (FeedParser.Parse(outcome.Body, outcome.Charset, outcome.FinalLocation ?? UrlCredentials.WithoutUserInfo(location)), null);
        }
        catch (FeedFormatException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>An input as the commands print it: credentials redacted, on one line.</summary>
    public static string Shown(string input) => OneLine.Escape(Urls.Redact(input));

    private static Uri? ToLocation(string input)
    {
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return Uri.TryCreate(input, UriKind.Absolute, out var url) ? url : null;
        return new Uri(Path.GetFullPath(input));
    }

    public void Dispose() => _fetcher.Dispose();
}
