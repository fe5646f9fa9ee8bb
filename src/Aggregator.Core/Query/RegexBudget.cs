namespace Aggregator.Core.Query;

/// <summary>
/// How long regexes may run, over and above each one's own time limit on one field: per item, and over a whole
/// poll. Once either is spent, the regexes left count as no match (words, phrases and NEAR still match), so a
/// catastrophic pattern or a hostile feed costs a bounded time whatever the number of fields, items and rules.
/// Not thread-safe: one budget serves one poll (or one command run) at a time.
/// </summary>
public sealed class RegexBudget
{
    public static readonly TimeSpan DefaultPerItem = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan DefaultPerPoll = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly long _perItem;
    private long _itemLeft;
    private long _pollLeft;

    /// <param name="perPoll">Over every item matched with this budget; <see cref="Timeout.InfiniteTimeSpan"/> for no bound.</param>
    public RegexBudget(TimeProvider time, TimeSpan perItem, TimeSpan perPoll)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _perItem = Ticks(time, perItem);
        _pollLeft = Ticks(time, perPoll);
        _itemLeft = _perItem;
    }

    /// <summary>Regex evaluations not run because the budget was spent.</summary>
    public int Skipped { get; private set; }

    internal void BeginItem() => _itemLeft = _perItem;

    /// <summary>Whether a regex may run now; counts it as skipped when not.</summary>
    internal bool TryStart(out long started)
    {
        started = _time.GetTimestamp();
        if (_itemLeft > 0 && _pollLeft > 0) return true;
        Skipped++;
        return false;
    }

    /// <summary>Charges the time since <paramref name="started"/> to the item and the poll.</summary>
    internal void Charge(long started)
    {
        var spent = _time.GetTimestamp() - started;
        _itemLeft -= spent;
        _pollLeft -= spent;
    }

    private static long Ticks(TimeProvider time, TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)(span.TotalSeconds * time.TimestampFrequency);
}
