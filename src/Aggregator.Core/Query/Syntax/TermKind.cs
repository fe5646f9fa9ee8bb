namespace Aggregator.Core.Query.Syntax;

internal enum TermKind
{
    /// <summary>Unquoted words: the last one matches any of its English singular and plural forms.</summary>
    Word,

    /// <summary>Quoted words: compared exactly (after normalisation).</summary>
    Exact,

    /// <summary><c>word*</c>: any word starting with the folded key.</summary>
    Prefix,
}
