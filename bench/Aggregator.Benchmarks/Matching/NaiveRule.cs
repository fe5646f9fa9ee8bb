using System.Text.RegularExpressions;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Query.Syntax;

namespace Aggregator.Benchmarks.Matching;

/// <summary>
/// The baseline the index is measured against: each rule evaluated on every item, each term one compiled
/// case-insensitive Regex (<c>\bword(s|es)?\b</c>, phrases joined by <c>\W+</c>, NEAR as a bounded gap).
/// </summary>
internal sealed class NaiveRule
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private readonly Func<FeedItem, bool> _match;

    private NaiveRule(RuleDefinition rule, Func<FeedItem, bool> match)
    {
        Rule = rule;
        _match = match;
    }

    public RuleDefinition Rule { get; }

    public static NaiveRule Compile(RuleDefinition rule) => new(rule, Compile(QueryParser.Parse(rule.Query), Default));

    public bool IsMatch(FeedItem item) => _match(item);

    private static string Default(FeedItem item) => item.Title + "\n" + item.Summary + "\n" + item.Content;

    private static Func<FeedItem, bool> Compile(QueryNode node, Func<FeedItem, string> text)
    {
        switch (node)
        {
            case TermNode term:
                var regex = new Regex(Pattern(term), Options);
                return item => regex.IsMatch(text(item));
            case RegexNode r:
                return item => r.Regex.IsMatch(text(item));
            case FieldNode field:
                return Compile(field.Child, field.Fields == QueryFields.Title ? item => item.Title : Default);
            case NotNode not:
                var child = Compile(not.Child, text);
                return item => !child(item);
            case AndNode and:
                var all = and.Children.Select(c => Compile(c, text)).ToArray();
                return item => all.All(c => c(item));
            case OrNode or:
                var any = or.Children.Select(c => Compile(c, text)).ToArray();
                return item => any.Any(c => c(item));
            case NearNode near:
                var (a, b) = (Pattern((TermNode)near.Left), Pattern((TermNode)near.Right));
                var gap = $@"\W+(?:\w+\W+){{0,{near.Distance - 1}}}";
                var nearRegex = new Regex($"{a}{gap}{b}|{b}{gap}{a}", Options);
                return item => nearRegex.IsMatch(text(item));
            default:
                throw new ArgumentException(node.GetType().Name, nameof(node));
        }
    }

    private static string Pattern(TermNode term)
    {
        var words = term.Display.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var body = string.Join(@"\W+", words);
        return term.Kind switch
        {
            TermKind.Prefix => $@"\b{body}\w*",
            TermKind.Exact => $@"\b{body}\b",
            _ => $@"\b{body}(?:s|es)?\b",
        };
    }
}
