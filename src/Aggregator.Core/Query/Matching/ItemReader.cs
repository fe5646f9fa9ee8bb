using Aggregator.Core.Items;
using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>Loads one item into a <see cref="MatchContext"/>: field texts, then the tokens of every field some rule looks in.</summary>
internal static class ItemReader
{
    /// <summary>Separator between the values of a multi-valued field (authors, categories) in its field text.</summary>
    public const string ValueSeparator = ", ";

    public static void Read(MatchContext ctx, TermTable terms, FeedItem item, FeedIdentity feed, RegexBudget budget, QueryFields tokenFields)
    {
        ctx.Begin(item, feed, budget);
        var segment = 0;
        for (var field = Field.Title; field <= Field.Feed; field++)
        {
            if (((int)tokenFields & (1 << (int)field)) == 0) continue;
            var values = ValuesOf(item, feed, field);
            if (values is null || values.Count <= 1)
            {
                terms.Scan(ctx, field, segment++, ctx.TextOf(field), 0);
                continue;
            }
            var offset = 0;
            foreach (var value in values)
            {
                terms.Scan(ctx, field, segment++, value, offset);
                offset += (value?.Length ?? 0) + ValueSeparator.Length;
            }
        }
    }

    /// <summary>The plain text of field <paramref name="field"/>; multi-valued fields joined by <see cref="ValueSeparator"/>.</summary>
    public static string TextOf(FeedItem item, FeedIdentity feed, Field field) => field switch
    {
        Field.Title => item.Title ?? string.Empty,
        Field.Summary => item.Summary ?? string.Empty,
        Field.Content => item.Content ?? string.Empty,
        Field.Link => item.Link ?? string.Empty,
        _ => Join(ValuesOf(item, feed, field)),
    };

    /// <summary>The values of a multi-valued field (authors, categories, the feed's id and title); null for the others.</summary>
    public static IReadOnlyList<string>? ValuesOf(FeedItem item, FeedIdentity feed, Field field) => field switch
    {
        Field.Author => item.Authors,
        Field.Category => item.Categories,
        Field.Feed => feed.Values,
        _ => null,
    };

    private static string Join(IReadOnlyList<string>? values) => values switch
    {
        null or { Count: 0 } => string.Empty,
        { Count: 1 } => values[0] ?? string.Empty,
        _ => string.Join(ValueSeparator, values),
    };
}
