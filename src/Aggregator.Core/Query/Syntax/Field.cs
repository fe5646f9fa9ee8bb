namespace Aggregator.Core.Query.Syntax;

/// <summary>
/// An item field a query can look in. The value is the field's place in <see cref="FieldNames"/> and its bit
/// in <see cref="QueryFields"/> and in matchers' masks (<c>1 &lt;&lt; (int)field</c>). <see cref="Feed"/> is last.
/// </summary>
internal enum Field
{
    Title,
    Summary,
    Content,
    Author,
    Category,
    Link,
    Feed,
}
