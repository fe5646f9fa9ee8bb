namespace Aggregator.Core.Text;

/// <summary>One word of a text: its folded form and where it sits in the original text.</summary>
public readonly record struct AnalyzedWord(string Term, int Start, int Length);
