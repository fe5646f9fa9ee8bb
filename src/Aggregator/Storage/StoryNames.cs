using Aggregator.Core.Stories;

namespace Aggregator.Storage;

/// <summary>The words a copy's reason for belonging to its story is stored under.</summary>
internal static class StoryNames
{
    private static readonly StoredNames<StoryMatch> Matches = new("story match",
        (StoryMatch.Link, "link"),
        (StoryMatch.Title, "title"),
        (StoryMatch.Text, "text"));

    public static string Name(StoryMatch match) => Matches.Name(match);

    public static StoryMatch Parse(string name) => Matches.Parse(name);
}
