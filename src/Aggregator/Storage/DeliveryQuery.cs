namespace Aggregator.Storage;

/// <summary>
/// Which outbox messages the console lists, newest first: every filter set narrows the list. <see cref="From"/>
/// and <see cref="To"/> bound the creation time (from inclusive, to exclusive); <see cref="BeforeId"/> is the cursor,
/// the last id of the previous page.
/// </summary>
internal sealed record DeliveryQuery(
    int Limit,
    string? SubscriberId = null,
    string? RuleId = null,
    DeliveryStatus? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? BeforeId = null);
