namespace Aggregator.Configuration;

/// <summary>A subscriber's <c>stories</c>: what becomes of another copy of a story they were alerted for.</summary>
internal enum StoryCopies
{
    /// <summary>Recorded with the story's alert and listed as one of its sources; no second message.</summary>
    Group,

    /// <summary>Alerted like any other item.</summary>
    Every,
}
