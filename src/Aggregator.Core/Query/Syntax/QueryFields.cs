namespace Aggregator.Core.Query.Syntax;

/// <summary>The item fields a query term may look in; the bit order is the field index.</summary>
[Flags]
internal enum QueryFields
{
    None = 0,
    Title = 1,
    Summary = 2,
    Content = 4,
    Author = 8,
    Category = 16,
    Link = 32,
    Feed = 64,
    Default = Title | Summary | Content | Category,
}
