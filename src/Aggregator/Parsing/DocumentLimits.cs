namespace Aggregator.Parsing;

/// <summary>
/// What one feed document may cost, whatever it contains. Far above any real feed; each bound is a
/// truncation noted on the parsed feed (logged by the poller, printed by <c>parse</c>), except nesting,
/// which no feed needs and which is refused.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>Element nesting; XML deeper than this is refused (loading it costs time quadratic in the depth).</summary>
    public const int MaxDepth = 64;

    /// <summary>Items (or entries) read from one document; later ones are dropped (feeds list their newest first).</summary>
    public const int MaxItems = 10_000;

    /// <summary>Elements of one name in one item (categories, authors, links...), and values of a multi-valued field.</summary>
    public const int MaxValuesPerItem = 100;

    /// <summary>Characters of a title, author or category value.</summary>
    public const int MaxShortText = 2_048;

    /// <summary>Characters of a summary or content.</summary>
    public const int MaxLongText = 256 * 1024;
}
