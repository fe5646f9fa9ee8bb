using System.Text.RegularExpressions;
using Aggregator.Core.Text;

namespace Aggregator.Core.Query.Syntax;

/// <summary>Turns a word, prefix, phrase or regex token into a node, analysing it exactly as item text is analysed.</summary>
internal static class TermBuilder
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public const RegexOptions RegexFlags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static QueryNode Build(QueryToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Regex:
                return BuildRegex(token);
            case TokenKind.Phrase:
                var phrase = Words(token.Text);
                if (phrase.Count == 0) throw new QuerySyntaxException("empty phrase: nothing to look for between the quotes", token.Column);
                return new TermNode(TermKind.Exact, Exactly(phrase), token.Text, token.Column);
            case TokenKind.Prefix:
                var prefix = Words(token.Text);
                if (prefix.Count != 1 || token.Text.Contains('*', StringComparison.Ordinal))
                    throw new QuerySyntaxException($"'{token.Text}*': a prefix must be a single word of letters or digits before '*'", token.Column);
                return new TermNode(TermKind.Prefix, Exactly(prefix), token.Text + "*", token.Column);
            default:
                var words = Words(token.Text);
                if (words.Count == 0) throw new QuerySyntaxException($"'{token.Text}' has no letters or digits to look for", token.Column);
                // A bare term that punctuation splits (Ukraine's, Covid-19) is the phrase of its words, the last one inflected.
                var positions = Exactly(words);
                positions[^1] = Inflection.FormsOf(words[^1]);
                return new TermNode(TermKind.Word, positions, token.Text, token.Column);
        }
    }

    private static IReadOnlyList<string>[] Exactly(List<string> words)
    {
        var positions = new IReadOnlyList<string>[words.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = [words[i]];
        return positions;
    }

    private static RegexNode BuildRegex(QueryToken token)
    {
        try
        {
            return new RegexNode(token.Text, new Regex(token.Text, RegexFlags, RegexTimeout), token.Column);
        }
        catch (RegexParseException ex)
        {
            throw new QuerySyntaxException($"invalid regex /{token.Text}/: {ex.Message}", token.Column + 1 + Math.Max(0, ex.Offset - 1));
        }
        catch (ArgumentException ex)
        {
            throw new QuerySyntaxException($"invalid regex /{token.Text}/: {ex.Message}", token.Column);
        }
    }

    private static List<string> Words(string text)
    {
        var reader = new WordReader();
        reader.Reset(text);
        var words = new List<string>();
        while (reader.Next()) words.Add(new string(reader.Folded));
        return words;
    }
}
