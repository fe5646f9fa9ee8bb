using Aggregator.Core.Query;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>Reads the <c>rules</c> sections; references to feeds, tags and subscribers are checked in <see cref="CheckReferences"/>.</summary>
internal sealed class RulesSection(Func<string, IReadOnlyList<QueryWarning>> checkQuery)
{
    private const string TagPrefix = "tag:";
    internal static readonly string[] Keys = ["id", "query", "feeds", "notify", "enabled"];
    private static readonly YamlScalarNode QueryKey = new("query");
    private readonly List<PendingRule> _rules = [];

    public IdRegistry Ids { get; } = new("rule");

    public IReadOnlyList<RuleConfig> Rules => [.. _rules.Select(r => r.Definition)];

    public void Read(YamlNode node, ConfigNodeReader r)
    {
        if (r.Sequence(node, "rules") is not { } sequence) return;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (r.Mapping(sequence.Children[i], $"rules[{i}]") is { } entry) ReadRule(entry, $"rules[{i}]", r);
        }
    }

    private void ReadRule(YamlMappingNode entry, string index, ConfigNodeReader r)
    {
        var id = Ids.Read(entry, index, r);
        var where = id is null ? index : $"rule {Excerpt.Quote(id)}";
        string? query = null;
        IReadOnlyList<Located<string>>? feeds = [];
        IReadOnlyList<Located<string>>? notify = [];
        var enabled = true;
        foreach (var (key, keyNode, value) in r.Entries(entry, where, Keys))
        {
            switch (key)
            {
                case "query":
                    query = ReadQuery(value, where, r);
                    break;
                case "feeds":
                    feeds = r.List(value, Subject.Of("the feeds of ", where));
                    // An empty list reads as "no feed" to some and "every feed" to others: make the operator say which.
                    if (feeds is []) r.Error(keyNode, $"{where} has an empty feeds list; remove 'feeds' to watch every feed");
                    break;
                case "notify":
                    notify = r.List(value, Subject.Of("the notify list of ", where));
                    break;
                case "enabled":
                    enabled = r.Boolean(value, Subject.Of("the enabled flag of ", where)) ?? enabled;
                    break;
            }
        }
        if (!entry.Children.ContainsKey(QueryKey)) r.Error(entry, $"{where} has no query");
        if (id is null || query is null || feeds is null || notify is null) return;
        if (notify.Count == 0) r.Warning(entry, $"{where} notifies nobody; add subscriber ids under 'notify'");
        var definition = new RuleConfig { Id = id, Query = query, Feeds = [.. feeds.Select(f => f.Value)], Notify = [.. notify.Select(n => n.Value)], Enabled = enabled };
        _rules.Add(new(definition, r.At(entry), feeds, notify));
    }

    private string? ReadQuery(YamlNode node, string where, ConfigNodeReader r)
    {
        if (r.Text(node, Subject.Of("the query of ", where)) is not { } query) return null;
        if (query.Trim().Length == 0)
        {
            r.Error(node, $"the query of {where} is empty");
            return null;
        }
        try
        {
            foreach (var warning in checkQuery(query))
                r.Diagnostics.Warning(r.TextStart((YamlScalarNode)node).Shift(Math.Max(warning.Column, 1) - 1), $"{where}: {warning.Message}");
            return query;
        }
        catch (QuerySyntaxException e)
        {
            var at = r.TextStart((YamlScalarNode)node).Shift(Math.Max(e.Column, 1) - 1);
            r.Diagnostics.Error(at, $"invalid query in {where}: {e.Message}");
            return null;
        }
    }

    /// <summary>Reports references to unknown feeds, tags and subscribers, and rules that can match nothing.</summary>
    public void CheckReferences(IdRegistry feeds, IReadOnlyCollection<string> tags, IdRegistry subscribers, DiagnosticBag diagnostics)
    {
        foreach (var rule in _rules)
        {
            // Named only for a message: most rules have none.
            var where = new Subject("rule '", rule.Definition.Id, "'");
            foreach (var feed in rule.Feeds)
            {
                if (feed.Value.StartsWith(TagPrefix, StringComparison.Ordinal))
                {
                    var tag = feed.Value[TagPrefix.Length..];
                    if (!tags.Contains(tag)) diagnostics.Error(feed.At, $"{where} refers to tag {Excerpt.Quote(tag)}, which no feed has{KeySuggestion.Hint(tag, tags)}");
                }
                else if (!feeds.Contains(feed.Value))
                {
                    diagnostics.Error(feed.At, $"{where} refers to unknown feed {Excerpt.Quote(feed.Value)}{KeySuggestion.Hint(feed.Value, feeds.All)}");
                }
            }
            foreach (var subscriber in rule.Notify)
            {
                if (!subscribers.Contains(subscriber.Value))
                    diagnostics.Error(subscriber.At, $"{where} notifies unknown subscriber {Excerpt.Quote(subscriber.Value)}{KeySuggestion.Hint(subscriber.Value, subscribers.All)}");
            }
            if (rule.Feeds.Count == 0 && feeds.All.Count == 0)
                diagnostics.Warning(rule.At, $"{where} can match no feed: no feeds are configured");
        }
    }
}
