namespace Aggregator.Core.Query;

/// <summary>
/// What a bare term of a query matches: <see cref="Term"/> as written, <see cref="Forms"/> the folded words
/// (or phrases, for a term that punctuation splits) it accepts, so an operator sees why a word did or did not match.
/// </summary>
public sealed record WordForms(string Term, IReadOnlyList<string> Forms)
{
    public override string ToString() => $"{Term} → {string.Join(", ", Forms)}";
}
