namespace Aggregator.Storage;

/// <summary>An endpoint that told us to stop (webhook 410 Gone); nothing is sent to it until its address changes.</summary>
internal sealed record DisabledEndpoint(string SubscriberId, DeliveryChannel Channel, string Target, DateTimeOffset DisabledAt, string Reason);
