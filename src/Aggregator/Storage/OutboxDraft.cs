using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>An alert to queue for one channel of one subscriber; due now, or at the end of its digest window.</summary>
internal sealed record OutboxDraft(Alert Alert, DeliveryChannel Channel, DateTimeOffset DueAt);
