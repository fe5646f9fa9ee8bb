using System.Text.Json;
using Aggregator.Commands;
using Aggregator.Configuration;
using Aggregator.Status;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;

namespace Aggregator.OperatorConsole;

/// <summary>
/// <c>/api/status</c>: the object <c>status --json</c> prints (<see cref="StatusReport"/>), written feed by feed as
/// the states are read a page at a time. With 10,000 feeds and rules the whole report would be built, promoted and
/// kept by the GC for each request; this way only a page of it is alive at once.
/// </summary>
internal static class StatusStream
{
    private const int FeedsPerRead = 500;

    public static async Task WriteAsync(HttpResponse response, ActiveConfig active, IStatusStore store, ISubscriberChoiceReads choices, IConsoleStore console, TimeProvider time, CancellationToken cancellationToken)
    {
        var config = active.Current.Config;
        response.ContentType = "application/json; charset=utf-8";
        var options = CommandJson.Options;
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder });
        json.WriteStartObject();
        json.WriteString(Name(nameof(StatusReport.At)), time.GetUtcNow());
        json.WriteStartArray(Name(nameof(StatusReport.Feeds)));
        foreach (var chunk in config.Feeds.Chunk(FeedsPerRead))
        {
            var states = (await console.ListFeedStatesAsync([.. chunk.Select(f => f.Id)], cancellationToken)).ToDictionary(s => s.FeedId, StringComparer.Ordinal);
            foreach (var feed in chunk)
                JsonSerializer.Serialize(json, FeedStatus.From(feed, states.GetValueOrDefault(feed.Id), config.Settings.Polling), options);
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WritePropertyName(Name(nameof(StatusReport.Rules)));
        JsonSerializer.Serialize(json, await RuleStatus.ReadAllAsync(config, store, choices, cancellationToken), options);
        json.WritePropertyName(Name(nameof(StatusReport.Subscribers)));
        JsonSerializer.Serialize(json, await SubscriberStatus.ReadAllAsync(config, store, cancellationToken), options);
        json.WritePropertyName(Name(nameof(StatusReport.ConfigChanges)));
        JsonSerializer.Serialize(json, await store.CountConfigChangesAsync(cancellationToken), options);
        json.WritePropertyName(Name(nameof(StatusReport.SubscriberChoices)));
        JsonSerializer.Serialize(json, await SubscriberChoiceSummary.ReadAllAsync(choices, cancellationToken), options);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string Name(string property) => CommandJson.Options.PropertyNamingPolicy!.ConvertName(property);
}
