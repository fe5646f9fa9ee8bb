namespace Aggregator.Core.Query.Syntax;

/// <summary>The field names an operator writes (<c>title:</c>, any case), in field-index order.</summary>
internal static class FieldNames
{
    public const int Count = 7;

    private static readonly string[] Names = ["title", "summary", "content", "author", "category", "link", "feed"];

    public static string NameOf(int fieldIndex) => Names[fieldIndex];

    public static string List => string.Join(", ", Names);

    public static QueryFields Parse(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Names.Length; i++)
            if (name.Equals(Names[i], StringComparison.OrdinalIgnoreCase)) return (QueryFields)(1 << i);
        return QueryFields.None;
    }
}
