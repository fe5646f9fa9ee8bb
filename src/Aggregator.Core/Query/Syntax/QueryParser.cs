namespace Aggregator.Core.Query.Syntax;

/// <summary>
/// Recursive descent over the tokens: or := and (OR and)*; and := unary ([AND] unary)*;
/// unary := (NOT | -) unary | near; near := operand [NEAR operand];
/// operand := field: scoped | ( or ) | term; scoped := (NOT | -) scoped | operand.
/// NEAR binds tighter than NOT (<c>NOT a NEAR b</c> excludes the pair); a field scopes the operand after it.
/// Every error names the column of the token at fault.
/// </summary>
internal sealed class QueryParser
{
    /// <summary>Parentheses, NOTs and fields nested in one another: far above any real rule, far below what overflows the stack.</summary>
    public const int MaxNesting = 100;

    private readonly List<QueryToken> _tokens;
    private int _next;
    private int _nesting;

    private QueryParser(List<QueryToken> tokens) => _tokens = tokens;

    public static QueryNode Parse(string query)
    {
        var parser = new QueryParser(QueryLexer.Tokenize(query));
        if (parser.Peek.Kind == TokenKind.End) throw new QuerySyntaxException("empty query", 1);
        var node = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind == TokenKind.CloseParen) throw new QuerySyntaxException("unbalanced ')': no '(' to close", rest.Column);
        if (rest.Kind != TokenKind.End) throw new QuerySyntaxException($"unexpected '{rest.Text}'", rest.Column);
        return node;
    }

    private QueryToken Peek => _tokens[_next];

    private QueryToken Take() => _tokens[_next++];

    private QueryNode ParseOr()
    {
        var first = ParseAnd();
        if (Peek.Kind != TokenKind.Or) return first;
        var children = new List<QueryNode> { first };
        while (Peek.Kind == TokenKind.Or)
        {
            ExpectOperand(Take());
            children.Add(ParseAnd());
        }
        return new OrNode(children, first.Column);
    }

    private QueryNode ParseAnd()
    {
        var first = ParseUnary();
        List<QueryNode>? children = null;
        while (true)
        {
            if (Peek.Kind == TokenKind.And) ExpectOperand(Take());
            else if (!Peek.StartsOperand) break;
            (children ??= [first]).Add(ParseUnary());
        }
        return children is null ? first : new AndNode(children, first.Column);
    }

    private QueryNode ParseUnary() => ParseNegated(ParseNear);

    private QueryNode ParseNear()
    {
        var left = ParseOperand();
        if (Peek.Kind != TokenKind.Near) return left;
        var op = Take();
        ExpectOperand(op);
        var right = ParseOperand();
        if (!IsPositional(left) || !IsPositional(right))
            throw new QuerySyntaxException($"{op.Text} needs words, phrases or prefixes (or a parenthesised OR of them) on both sides", op.Column);
        if (Peek.Kind == TokenKind.Near)
            throw new QuerySyntaxException($"{Peek.Text} cannot be chained; join NEAR pairs with AND", Peek.Column);
        return new NearNode(left, right, op.Number, left.Column);
    }

    private QueryNode ParseOperand()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Field:
                Take();
                return new FieldNode(FieldNames.Parse(token.Text), Nested(token, ParseScoped), token.Column);
            case TokenKind.OpenParen:
                return ParseGroup();
            case TokenKind.Word or TokenKind.Prefix or TokenKind.Phrase or TokenKind.Regex:
                Take();
                return TermBuilder.Build(token);
            case TokenKind.CloseParen:
                throw new QuerySyntaxException("unbalanced ')': no '(' to close", token.Column);
            case TokenKind.Not:
                throw new QuerySyntaxException($"'{token.Text}' cannot follow NEAR: NEAR needs a word, phrase or prefix on each side; write NOT (a NEAR b)", token.Column);
            case TokenKind.End:
                throw new QuerySyntaxException("query ends where a term was expected", token.Column);
            default:
                throw new QuerySyntaxException($"'{token.Text}' needs a term before it", token.Column);
        }
    }

    private QueryNode ParseScoped() => ParseNegated(ParseOperand);

    /// <summary>Any number of NOT (or -) before what <paramref name="operand"/> parses.</summary>
    private QueryNode ParseNegated(Func<QueryNode> operand)
    {
        var token = Peek;
        if (token.Kind != TokenKind.Not) return operand();
        Take();
        ExpectOperand(token);
        return new NotNode(Nested(token, () => ParseNegated(operand)), token.Column);
    }

    private QueryNode ParseGroup()
    {
        var open = Take();
        if (Peek.Kind == TokenKind.CloseParen) throw new QuerySyntaxException("empty parentheses", open.Column);
        var inner = Nested(open, ParseOr);
        if (Peek.Kind != TokenKind.CloseParen)
        {
            if (Peek.Kind == TokenKind.End)
                throw new QuerySyntaxException($"unbalanced '(': missing ')' for the '(' at column {open.Column}", open.Column);
            throw new QuerySyntaxException($"unexpected '{Peek.Text}'", Peek.Column);
        }
        Take();
        return inner;
    }

    /// <summary>Parses what <paramref name="token"/> opens one level deeper, refusing past <see cref="MaxNesting"/>.</summary>
    private QueryNode Nested(QueryToken token, Func<QueryNode> parse)
    {
        if (++_nesting > MaxNesting)
            throw new QuerySyntaxException($"query nested deeper than {MaxNesting} levels (parentheses, NOT and fields)", token.Column);
        var node = parse();
        _nesting--;
        return node;
    }

    private void ExpectOperand(QueryToken op)
    {
        if (!Peek.StartsOperand) throw new QuerySyntaxException($"'{op.Text}' needs a term after it", op.Column);
    }

    private static bool IsPositional(QueryNode node) => node switch
    {
        TermNode => true,
        FieldNode field => IsPositional(field.Child),
        OrNode or => or.Children.All(IsPositional),
        _ => false,
    };
}
