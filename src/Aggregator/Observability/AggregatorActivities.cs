using System.Diagnostics;
using Aggregator.Storage;

namespace Aggregator.Observability;

/// <summary>The worker's spans, on the activity source named <see cref="SourceName"/>: one per poll and one per delivery batch.</summary>
internal static class AggregatorActivities
{
    public const string SourceName = "Aggregator";

    private static readonly ActivitySource Source = new(SourceName, typeof(AggregatorActivities).Assembly.GetName().Version?.ToString());

    /// <summary>A feed's poll: the fetch (an HttpClient span) and the store's commit (Npgsql spans) are its children.</summary>
    public static Activity? StartPoll(string feedId) =>
        Source.StartActivity("poll")?.SetTag("aggregator.feed.id", feedId);

    /// <summary>One channel's send of a batch of alerts (a message, a webhook call, a digest).</summary>
    public static Activity? StartDelivery(DeliveryChannel channel, int alerts) =>
        Source.StartActivity("deliver")?.SetTag("aggregator.channel", DeliveryChannelNames.Name(channel)).SetTag("aggregator.alerts", alerts);
}
