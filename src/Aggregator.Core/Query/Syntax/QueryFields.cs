namespace Aggregator.Core.Query.Syntax;

/// <summary>The item fields a query term may look in: one bit per <see cref="Field"/>.</summary>
[Flags]
internal enum QueryFields
{
    None = 0,
    Title = 1 << (int)Field.Title,
    Summary = 1 << (int)Field.Summary,
    Content = 1 << (int)Field.Content,
    Author = 1 << (int)Field.Author,
    Category = 1 << (int)Field.Category,
    Link = 1 << (int)Field.Link,
    Feed = 1 << (int)Field.Feed,
    Default = Title | Summary | Content | Category,
}
