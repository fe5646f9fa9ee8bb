using Aggregator.Core.Items;
using Aggregator.Core.Query.Matching;
using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query;

/// <summary>
/// Every rule compiled into one index. <see cref="Match"/> analyses an item once and evaluates only the
/// rules whose terms occur in it, so the cost per item does not grow with the number of rules.
/// An index is immutable: a reload builds a new one and swaps the reference. <see cref="Match"/> is thread-safe.
/// </summary>
public sealed class RuleIndex
{
    private readonly CompiledRule[] _rules;
    private readonly int[] _alwaysCandidates;
    private readonly TermTable _terms;
    private readonly QueryFields _tokenFields;
    private MatchContext? _spare;

    private RuleIndex(CompiledRule[] rules, int[] alwaysCandidates, TermTable terms, QueryFields tokenFields)
    {
        _rules = rules;
        _alwaysCandidates = alwaysCandidates;
        _terms = terms;
        _tokenFields = tokenFields;
    }

    public static RuleIndex Empty { get; } = Build([]);

    /// <summary>The number of rules in the index.</summary>
    public int Count => _rules.Length;

    /// <summary>The number of rules that can match without any of their terms (such as <c>NOT x</c>), checked on every item.</summary>
    public int AlwaysCheckedCount => _alwaysCandidates.Length;

    /// <summary>Compiles every rule; throws <see cref="QuerySyntaxException"/> for the first invalid query (message prefixed with the rule id).</summary>
    public static RuleIndex Build(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return BuildParsed(rules.Select(rule =>
        {
            try
            {
                return (rule, QueryParser.Parse(rule.Query));
            }
            catch (QuerySyntaxException ex)
            {
                throw new QuerySyntaxException($"rule '{rule.Id}': {ex.Message}", ex.Column);
            }
        }));
    }

    /// <summary>Compiles rules already parsed (<see cref="TermChecks"/> compiles each term of a query as a rule of its own).</summary>
    internal static RuleIndex BuildParsed(IEnumerable<(RuleDefinition Rule, QueryNode Node)> rules)
    {
        var terms = new TermTableBuilder();
        var compiler = new RuleCompiler(terms);
        var compiled = new List<CompiledRule>();
        foreach (var (rule, node) in rules)
            compiled.Add(new CompiledRule(rule.Id, rule.Query, rule.FeedIds, compiler.Compile(node)));
        // Anchors are chosen once every rule is known: how many rules mention a term says how common it is.
        var costs = terms.Costs();
        var always = new List<int>();
        for (var index = 0; index < compiled.Count; index++)
        {
            var anchoring = compiled[index].Root.Anchor(costs);
            if (anchoring.IsNone) always.Add(index);
            else foreach (var slot in anchoring.Slots!) terms.AddPosting(slot, index);
        }
        return new RuleIndex([.. compiled], [.. always], terms.Build(), compiler.UsedFields);
    }

    /// <summary>Checks one query; throws <see cref="QuerySyntaxException"/> naming the 1-based column.</summary>
    public static void Validate(string query) => QueryParser.Parse(query);

    /// <summary>
    /// What is costly or surprising about a valid query: a regex without a literal prefilter that runs on every
    /// item, a query that can match without any of its terms. Throws like <see cref="Validate"/>.
    /// </summary>
    public static IReadOnlyList<QueryWarning> Warnings(string query)
    {
        var node = QueryParser.Parse(query);
        var terms = new TermTableBuilder();
        var compiler = new RuleCompiler(terms);
        var root = compiler.Compile(node);
        var warnings = new List<QueryWarning>();
        if (!root.Anchor(terms.Costs()).IsNone) return warnings;
        foreach (var regex in compiler.UnfilteredRegexes)
            warnings.Add(new($"regex /{regex.Pattern}/ has no literal prefilter; it runs on every item", regex.Column));
        if (warnings.Count == 0)
            warnings.Add(new("the query can match without any of its words (for example NOT x alone); it is checked against every item", 1));
        return warnings;
    }

    /// <summary>The forms each bare term of a valid query expands to, in query order, each term once. Throws like <see cref="Validate"/>.</summary>
    public static IReadOnlyList<WordForms> FormsOf(string query)
    {
        var forms = new List<WordForms>();
        var pending = new Stack<QueryNode>();
        pending.Push(QueryParser.Parse(query));
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case TermNode { Kind: TermKind.Word } term when forms.All(f => f.Term != term.Display):
                    var phrase = string.Concat(term.Positions.SkipLast(1).Select(p => p[0] + " "));
                    forms.Add(new WordForms(term.Display, [.. term.Positions[^1].Select(form => phrase + form)]));
                    break;
                case AndNode and: PushReversed(pending, and.Children); break;
                case OrNode or: PushReversed(pending, or.Children); break;
                case NotNode not: pending.Push(not.Child); break;
                case FieldNode field: pending.Push(field.Child); break;
                case NearNode near: pending.Push(near.Right); pending.Push(near.Left); break;
            }
        }
        return forms;
    }

    private static void PushReversed(Stack<QueryNode> pending, IReadOnlyList<QueryNode> children)
    {
        for (var i = children.Count - 1; i >= 0; i--) pending.Push(children[i]);
    }

    /// <summary>The rules that match <paramref name="item"/> from feed <paramref name="feedId"/>, in rule order, with explanations.</summary>
    public IReadOnlyList<RuleMatch> Match(FeedItem item, string feedId) => Match(item, feedId, null, null);

    /// <summary>
    /// The rules that match <paramref name="item"/> from feed <paramref name="feedId"/> titled <paramref name="feedTitle"/>
    /// (<c>feed:</c> looks in both), in rule order, with explanations. Regexes share <paramref name="budget"/>, the
    /// poll's (without one, each item has <see cref="RegexBudget.DefaultPerItem"/>).
    /// </summary>
    public IReadOnlyList<RuleMatch> Match(FeedItem item, string feedId, string? feedTitle, RegexBudget? budget)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(feedId);
        if (_rules.Length == 0) return [];
        var ctx = Interlocked.Exchange(ref _spare, null) ?? new MatchContext();
        try
        {
            ItemReader.Read(ctx, _terms, item, new FeedIdentity(feedId, feedTitle), budget ?? ctx.ItemOnlyBudget, _tokenFields);
            foreach (var rule in _alwaysCandidates) ctx.AddCandidate(rule);
            var candidates = ctx.Candidates;
            if (candidates.Count == 0) return [];
            ctx.SortCandidates();
            List<RuleMatch>? matches = null;
            foreach (var index in candidates)
            {
                ref readonly var rule = ref _rules[index];
                if (rule.FeedIds is not null && !rule.FeedIds.Contains(feedId)) continue;
                if (!rule.Root.IsMatch(ctx)) continue;
                var evidence = ctx.Evidence;
                evidence.Clear();
                rule.Root.Explain(ctx, evidence);
                (matches ??= []).Add(new RuleMatch(rule.Id, rule.Query, evidence.ToArray()));
            }
            return matches is null ? [] : matches;
        }
        finally
        {
            Volatile.Write(ref _spare, ctx);
        }
    }
}
