namespace Aggregator.Storage;

/// <summary>
/// A node's claim on one feed of the shared schedule (<c>poll_schedule</c>): the feed is this node's to poll until the
/// lease runs out, and the poll's commit moves the feed's due time on only while <paramref name="Token"/> still holds it.
/// </summary>
/// <param name="Due">When the feed is due, on the database's clock.</param>
/// <param name="Wait">How long after the claim the feed is due (the claim looks a little ahead); zero when already due.</param>
/// <param name="NextCronFire">For a cron feed, the fire after this one; null for an interval feed (the database adds the interval).</param>
/// <param name="State">The feed's state, read with the claim; null before its first poll.</param>
internal sealed record ScheduleLease(string FeedId, Guid Token, DateTimeOffset Due, TimeSpan Wait, DateTimeOffset? NextCronFire, FeedState? State);
