using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Rendering;

namespace Aggregator.Commands;

/// <summary>What <c>test-rule</c> found, printable as text or as the contract's JSON, with what each rule's bare words expand to.</summary>
internal sealed class TestRuleReport(IReadOnlyList<RuleDefinition> rules)
{
    private readonly List<(FeedItem Item, IReadOnlyList<RuleMatch> Rules)> _items = [];
    private readonly List<(string Rule, IReadOnlyList<WordForms> Forms)> _forms =
        [.. rules.Select(r => (Rule: r.Id, Forms: RuleIndex.FormsOf(r.Query))).Where(r => r.Forms.Count > 0)];

    public bool AnyMatched => _items.Any(i => i.Rules.Count > 0);

    public void Add(FeedItem item, IReadOnlyList<RuleMatch> rules) => _items.Add((item, rules));

    public object ToJson() => new
    {
        rules = _forms.Select(r => new { rule = r.Rule, forms = r.Forms.Select(f => new { term = f.Term, forms = f.Forms }) }),
        items = _items.Select(i => new
        {
            key = i.Item.Key,
            title = i.Item.Title,
            link = i.Item.Link,
            rules = i.Rules.Select(r => new
            {
                rule = r.RuleId,
                matches = r.Matches.Select(m => new { field = m.Field, term = m.Term, start = m.Start, length = m.Length, snippet = m.Snippet }),
            }),
        }),
    };

    public void WriteText(TextWriter output)
    {
        foreach (var (rule, forms) in _forms) output.WriteLine($"rule {rule}: {OneLine.Escape(string.Join(" · ", forms))}");
        foreach (var (item, rules) in _items)
        {
            output.WriteLine($"{(rules.Count > 0 ? "MATCH" : "-    ")} {OneLine.Escape(item.Title)}");
            foreach (var rule in rules)
            {
                output.WriteLine($"      rule {rule.RuleId}:");
                foreach (var match in rule.Matches)
                    output.WriteLine($"        {match.Field}: \"{OneLine.Escape(match.Term)}\" at {match.Start}: {OneLine.Escape(match.Snippet)}");
            }
        }
        var matched = _items.Count(i => i.Rules.Count > 0);
        output.WriteLine($"{matched} of {_items.Count} items matched");
    }
}
