using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>Turns a parsed query into matchers, resolving field scopes and registering every term in the shared table.</summary>
internal sealed class RuleCompiler(TermTableBuilder terms)
{
    /// <summary>Union of the fields any compiled term looks in (those fields must be tokenised).</summary>
    public QueryFields UsedFields { get; private set; }

    /// <summary>Regexes compiled without a literal prefilter, for warnings.</summary>
    public List<RegexNode> UnfilteredRegexes { get; } = [];

    public Matcher Compile(QueryNode node) => Compile(node, QueryFields.Default);

    private Matcher Compile(QueryNode node, QueryFields fields)
    {
        switch (node)
        {
            case FieldNode scoped:
                return Compile(scoped.Child, scoped.Fields);
            case TermNode term:
                UsedFields |= fields;
                return CompileTerm(term, fields);
            case RegexNode regex:
                return CompileRegex(regex, fields);
            case AndNode and:
                return new AndMatcher(CompileAll(and.Children, fields));
            case OrNode or:
                return new OrMatcher(CompileAll(or.Children, fields));
            case NotNode not:
                return new NotMatcher(Compile(not.Child, fields));
            case NearNode near:
                return new NearMatcher(Compile(near.Left, fields), Compile(near.Right, fields), near.Distance);
            default:
                throw new ArgumentException($"unknown query node {node.GetType().Name}", nameof(node));
        }
    }

    private Matcher[] CompileAll(IReadOnlyList<QueryNode> nodes, QueryFields fields)
    {
        var matchers = new Matcher[nodes.Count];
        for (var i = 0; i < matchers.Length; i++) matchers[i] = Compile(nodes[i], fields);
        return matchers;
    }

    private Matcher CompileTerm(TermNode term, QueryFields fields)
    {
        var positions = new int[term.Positions.Count][];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = term.Kind == TermKind.Prefix ? [terms.Prefix(term.Positions[i][0])] : terms.Words(term.Positions[i]);
        return positions.Length == 1
            ? new TermMatcher(positions[0], (int)fields, term.Display)
            : new PhraseMatcher(positions, (int)fields, term.Display);
    }

    private RegexMatcher CompileRegex(RegexNode regex, QueryFields fields)
    {
        var literals = RegexPrefilter.RequiredLiterals(regex.Pattern);
        int[]? slots = null;
        if (literals is null) UnfilteredRegexes.Add(regex);
        else
        {
            UsedFields |= fields;
            slots = new int[literals.Count];
            for (var i = 0; i < slots.Length; i++) slots[i] = literals[i].IsPrefix ? terms.Prefix(literals[i].Key) : terms.Word(literals[i].Key);
        }
        return new RegexMatcher(regex.Regex, (int)fields, "/" + regex.Pattern + "/", slots);
    }
}
