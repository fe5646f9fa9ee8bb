namespace Aggregator.Core.Query.Syntax;

/// <summary>
/// A word, prefix or phrase. <see cref="Positions"/> holds, for each word in order, the folded words it
/// accepts: one for a quoted word or a prefix, the forms of the word for the last word of a bare term.
/// </summary>
internal sealed record TermNode(TermKind Kind, IReadOnlyList<IReadOnlyList<string>> Positions, string Display, int Column) : QueryNode(Column)
{
    public bool IsPhrase => Positions.Count > 1;
}
