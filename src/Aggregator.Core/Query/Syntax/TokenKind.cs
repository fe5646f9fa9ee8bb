namespace Aggregator.Core.Query.Syntax;

internal enum TokenKind
{
    End,
    Word,
    Prefix,
    Phrase,
    Regex,
    And,
    Or,
    Not,
    Near,
    Field,
    OpenParen,
    CloseParen,
}
