namespace Aggregator.Core.Query;

/// <summary>Why a rule matched: one term found in one field.</summary>
/// <param name="Start">Index into the field's plain text.</param>
/// <param name="Snippet">A short window of the field's text around the term.</param>
public sealed record TermMatch(string Field, string Term, int Start, int Length, string Snippet);
