namespace Aggregator.Core.Query.Syntax;

/// <summary>
/// Splits a query into tokens. Operators are only the uppercase words AND, OR, NOT, NEAR and NEAR/n;
/// a bare run of characters is a word (or a prefix when it ends in '*'); "..." is a phrase; /.../ a regex;
/// a leading '-' negates; <c>name:</c> scopes what follows to a field.
/// </summary>
internal static class QueryLexer
{
    public const int DefaultNearDistance = 10;
    public const int MaxNearDistance = 1000;

    public static List<QueryToken> Tokenize(string query)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var column = i + 1;
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.OpenParen, "(", column)); i++; break;
                case ')': tokens.Add(new(TokenKind.CloseParen, ")", column)); i++; break;
                case '"': i = ReadPhrase(query, i, tokens); break;
                case '/': i = ReadRegex(query, i, tokens); break;
                case '-':
                    if (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]) || query[i + 1] == ')')
                        throw new QuerySyntaxException("'-' must be directly followed by what it excludes, as in -word", column);
                    tokens.Add(new(TokenKind.Not, "-", column));
                    i++;
                    break;
                default: i = ReadBare(query, i, tokens); break;
            }
        }
        tokens.Add(new(TokenKind.End, string.Empty, query.Length + 1));
        return tokens;
    }

    private static int ReadPhrase(string query, int i, List<QueryToken> tokens)
    {
        var close = query.IndexOf('"', i + 1);
        if (close < 0) throw new QuerySyntaxException("unterminated phrase: missing closing '\"'", i + 1);
        tokens.Add(new(TokenKind.Phrase, query[(i + 1)..close], i + 1));
        return close + 1;
    }

    private static int ReadRegex(string query, int i, List<QueryToken> tokens)
    {
        var j = i + 1;
        while (j < query.Length && query[j] != '/')
            j += query[j] == '\\' ? 2 : 1;
        if (j >= query.Length) throw new QuerySyntaxException("unterminated regex: missing closing '/'", i + 1);
        if (j == i + 1) throw new QuerySyntaxException("empty regex", i + 1);
        tokens.Add(new(TokenKind.Regex, query[(i + 1)..j].Replace("\\/", "/", StringComparison.Ordinal), i + 1));
        return j + 1;
    }

    private static int ReadBare(string query, int i, List<QueryToken> tokens)
    {
        var column = i + 1;
        var letters = i;
        while (letters < query.Length && char.IsAsciiLetter(query[letters])) letters++;
        if (letters > i && letters < query.Length && query[letters] == ':')
        {
            var name = query[i..letters];
            if (FieldNames.Parse(name) == QueryFields.None)
                throw new QuerySyntaxException($"unknown field '{name}:'; fields are {FieldNames.List}", column);
            if (letters + 1 >= query.Length || char.IsWhiteSpace(query[letters + 1]) || query[letters + 1] == ')')
                throw new QuerySyntaxException($"field '{name}:' must be directly followed by what to look for", column);
            tokens.Add(new(TokenKind.Field, name, column));
            return letters + 1;
        }
        var j = i;
        while (j < query.Length && !char.IsWhiteSpace(query[j]) && query[j] is not ('(' or ')' or '"')) j++;
        var text = query[i..j];
        tokens.Add(Classify(text, column));
        return j;
    }

    private static QueryToken Classify(string text, int column)
    {
        switch (text)
        {
            case "AND": return new(TokenKind.And, text, column);
            case "OR": return new(TokenKind.Or, text, column);
            case "NOT": return new(TokenKind.Not, text, column);
            case "NEAR": return new(TokenKind.Near, text, column, DefaultNearDistance);
        }
        if (text.StartsWith("NEAR/", StringComparison.Ordinal))
        {
            var digits = text.AsSpan(5);
            var valid = digits.Length is > 0 and <= 4;
            foreach (var d in digits) valid &= char.IsAsciiDigit(d);
            var n = valid ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (n < 1 || n > MaxNearDistance)
                throw new QuerySyntaxException($"'{text}': NEAR/n needs a whole number of words from 1 to {MaxNearDistance}", column + 5);
            return new(TokenKind.Near, text, column, n);
        }
        return text.EndsWith('*') ? new(TokenKind.Prefix, text[..^1], column) : new(TokenKind.Word, text, column);
    }
}
