namespace Aggregator.LoadTest;

/// <summary>How long the feed server takes to answer: at once (<c>none</c>) or like publishers on the internet.</summary>
internal enum LatencyMode
{
    None,
    Realistic,
}
