namespace Aggregator.Core.Rendering;

/// <summary>A marked span of a <see cref="FieldSnippet"/>'s text: UTF-16 offsets into <see cref="FieldSnippet.Text"/>.</summary>
public sealed record SnippetMark(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// One line for one field of an item: a window of the field's text on one line, with every matched term of
/// every rule marked. Marks are sorted and never overlap or touch; "…" stands where text was left out.
/// </summary>
public sealed record FieldSnippet(string Field, string Text, IReadOnlyList<SnippetMark> Marks);
