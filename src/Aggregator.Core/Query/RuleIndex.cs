using Aggregator.Core.Items;

namespace Aggregator.Core.Query;

/// <summary>
/// Every rule compiled into one index. <see cref="Match"/> analyses an item once and evaluates only the
/// rules whose terms occur in it, so the cost per item does not grow with the number of rules.
/// An index is immutable: a reload builds a new one and swaps the reference.
/// </summary>
public sealed class RuleIndex
{
    private RuleIndex() { }

    public static RuleIndex Empty { get; } = new();

    /// <summary>Compiles every rule; throws <see cref="QuerySyntaxException"/> for the first invalid query.</summary>
    public static RuleIndex Build(IEnumerable<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        throw new NotImplementedException();
    }

    /// <summary>Checks one query; throws <see cref="QuerySyntaxException"/> naming the column.</summary>
    public static void Validate(string query) => throw new NotImplementedException();

    /// <summary>The rules that match <paramref name="item"/> from feed <paramref name="feedId"/>, with explanations.</summary>
    public IReadOnlyList<RuleMatch> Match(FeedItem item, string feedId) => throw new NotImplementedException();
}
