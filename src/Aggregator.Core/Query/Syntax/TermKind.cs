namespace Aggregator.Core.Query.Syntax;

internal enum TermKind
{
    /// <summary>Unquoted words: compared by singular/plural stem.</summary>
    Word,

    /// <summary>Quoted words: compared exactly (after case and diacritic folding).</summary>
    Exact,

    /// <summary><c>word*</c>: any word starting with the folded key.</summary>
    Prefix,
}
