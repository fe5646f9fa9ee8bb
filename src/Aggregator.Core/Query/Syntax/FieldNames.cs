namespace Aggregator.Core.Query.Syntax;

/// <summary>The field names an operator writes (<c>title:</c>, any case), in <see cref="Field"/> order.</summary>
internal static class FieldNames
{
    public const int Count = (int)Field.Feed + 1;

    private static readonly string[] Names = ["title", "summary", "content", "author", "category", "link", "feed"];

    public static string NameOf(Field field) => Names[(int)field];

    public static string List => string.Join(", ", Names);

    public static QueryFields Parse(ReadOnlySpan<char> name)
    {
        for (var field = Field.Title; field <= Field.Feed; field++)
            if (name.Equals(Names[(int)field], StringComparison.OrdinalIgnoreCase)) return (QueryFields)(1 << (int)field);
        return QueryFields.None;
    }
}
