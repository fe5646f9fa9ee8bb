namespace Aggregator.Core.Query.Syntax;

/// <summary>A word, prefix or phrase. <see cref="Keys"/> holds the folded (and for words, stemmed) words in order.</summary>
internal sealed record TermNode(TermKind Kind, IReadOnlyList<string> Keys, string Display, int Column) : QueryNode(Column)
{
    public bool IsPhrase => Keys.Count > 1;
}
