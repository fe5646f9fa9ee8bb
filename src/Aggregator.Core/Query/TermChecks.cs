using Aggregator.Core.Items;
using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query;

/// <summary>
/// Each term of a query (word, phrase, prefix, regex) checked on its own against one item, in its field scope, with the
/// evidence the matcher gives for it: why a query did or did not match, term by term.
/// </summary>
public static class TermChecks
{
    /// <summary>Throws <see cref="QuerySyntaxException"/> for an invalid query.</summary>
    public static IReadOnlyList<TermCheck> Check(string query, FeedItem item, string feedId, string? feedTitle)
    {
        var leaves = new List<(QueryNode Leaf, QueryFields Fields, bool Negated, string Display)>();
        Collect(QueryParser.Parse(query), QueryFields.Default, false, leaves);
        if (leaves.Count == 0) return [];
        // One compiled rule per term, named by its position, so one pass over the item checks them all.
        var index = RuleIndex.BuildParsed(leaves.Select((l, i) =>
            (new RuleDefinition(i.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Display, null), (QueryNode)new FieldNode(l.Fields, l.Leaf, l.Leaf.Column))));
        var hits = index.Match(item, feedId, feedTitle, null).ToDictionary(m => int.Parse(m.RuleId, System.Globalization.CultureInfo.InvariantCulture));
        return
        [
            .. leaves.Select((l, i) => new TermCheck(
                l.Display,
                l.Fields == QueryFields.Default ? null : string.Join(",", Enumerable.Range(0, FieldNames.Count)
                    .Where(f => ((int)l.Fields & (1 << f)) != 0).Select(f => FieldNames.NameOf((Field)f))),
                l.Negated,
                hits.TryGetValue(i, out var hit) ? hit.Matches : null)),
        ];
    }

    private static void Collect(QueryNode node, QueryFields fields, bool negated, List<(QueryNode, QueryFields, bool, string)> into)
    {
        switch (node)
        {
            case TermNode term:
                if (!into.Exists(l => l.Item4 == term.Display && l.Item2 == fields && l.Item3 == negated)) into.Add((term, fields, negated, term.Display));
                break;
            case RegexNode regex:
                into.Add((regex, fields, negated, "/" + regex.Pattern + "/"));
                break;
            case FieldNode scoped: Collect(scoped.Child, scoped.Fields, negated, into); break;
            case NotNode not: Collect(not.Child, fields, !negated, into); break;
            case AndNode and: foreach (var child in and.Children) Collect(child, fields, negated, into); break;
            case OrNode or: foreach (var child in or.Children) Collect(child, fields, negated, into); break;
            case NearNode near: Collect(near.Left, fields, negated, into); Collect(near.Right, fields, negated, into); break;
        }
    }
}

/// <param name="Term">The term as the query wrote it (a regex between slashes).</param>
/// <param name="Fields">The fields it looks in, comma-separated; null for the default ones (title, summary, content, category).</param>
/// <param name="Negated">Under a NOT: its presence stops the query from matching.</param>
/// <param name="Evidence">Where it occurs (its first occurrence in each field); null when it does not occur.</param>
public sealed record TermCheck(string Term, string? Fields, bool Negated, IReadOnlyList<TermMatch>? Evidence)
{
    public bool Hit => Evidence is not null;
}
