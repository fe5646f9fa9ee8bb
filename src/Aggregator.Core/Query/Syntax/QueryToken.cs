namespace Aggregator.Core.Query.Syntax;

/// <summary>One lexical token; <see cref="Column"/> is 1-based; <see cref="Number"/> is NEAR's distance.</summary>
internal readonly record struct QueryToken(TokenKind Kind, string Text, int Column, int Number = 0)
{
    public bool StartsOperand => Kind is TokenKind.Word or TokenKind.Prefix or TokenKind.Phrase or TokenKind.Regex
        or TokenKind.Not or TokenKind.Field or TokenKind.OpenParen;
}
