namespace Aggregator.Parsing;

/// <summary>What <see cref="DocumentLimits"/> cut from one document, as sentences for the feed's log and <c>parse</c>.</summary>
internal sealed class ParseNotes
{
    public int SkippedItems { get; set; }

    public int SkippedValues { get; set; }

    public int TruncatedTexts { get; set; }

    public void Add(BoundedXmlReader reader)
    {
        SkippedItems += reader.SkippedItems;
        SkippedValues += reader.SkippedValues;
    }

    public IReadOnlyList<string> Sentences()
    {
        var notes = new List<string>();
        if (SkippedItems > 0)
            notes.Add($"kept the first {DocumentLimits.MaxItems:N0} items of {DocumentLimits.MaxItems + SkippedItems:N0}");
        if (SkippedValues > 0)
            notes.Add($"dropped {SkippedValues:N0} values past {DocumentLimits.MaxValuesPerItem} of one kind in an item (categories, authors, links)");
        if (TruncatedTexts > 0)
            notes.Add($"shortened {TruncatedTexts:N0} texts to {DocumentLimits.MaxShortText:N0} characters (titles, authors, categories) or {DocumentLimits.MaxLongText:N0} (summaries, contents)");
        return notes;
    }
}
