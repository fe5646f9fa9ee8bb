namespace Aggregator.Core.Opml;

/// <summary>
/// Bounds on an uploaded file. Real exports hold hundreds of feeds two or three folders deep; the bounds leave room
/// for that many times over while keeping a hostile file from costing memory or time.
/// </summary>
internal sealed record OpmlLimits(long MaxBytes, int MaxOutlines, int MaxDepth)
{
    public static OpmlLimits Default { get; } = new(MaxBytes: 5 * 1024 * 1024, MaxOutlines: 20_000, MaxDepth: 8);
}
