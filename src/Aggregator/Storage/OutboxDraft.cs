using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>An alert to queue for one channel of one subscriber; due now, or at the end of its digest window.</summary>
/// <param name="StoryWindow">
/// How far back a story the subscriber was alerted for by the same rule makes this a copy of it (recorded, not sent);
/// null: sent whatever was alerted before.
/// </param>
internal sealed record OutboxDraft(Alert Alert, DeliveryChannel Channel, DateTimeOffset DueAt, TimeSpan? StoryWindow = null);
