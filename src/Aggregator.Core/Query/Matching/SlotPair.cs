namespace Aggregator.Core.Query.Matching;

/// <summary>What one folded string means to the index: as an exact word, and as a stem (-1 for neither).</summary>
internal readonly record struct SlotPair(int Exact, int Stem);
