namespace Aggregator.Core.Stories;

/// <summary>What made two items one story, in the words operators and subscribers read.</summary>
public static class StoryReasons
{
    public static string Of(StoryMatch match) => match switch
    {
        StoryMatch.Link => "same link",
        StoryMatch.Title => "same title",
        StoryMatch.Text => "near-identical text",
        _ => "not the same story",
    };
}
